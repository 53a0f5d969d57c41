import path from 'node:path';
import { z } from 'zod';
import { parseEventStoreUrl, parseReadStoreUrl, type EventStoreLocation, type ReadStoreLocation } from './store-url.js';

export const SQLITE_SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL'] as const;
export const ENVIRONMENTS = ['production', 'development'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Validated settings. Secrets absent from the environment are resolved later by `resolveSecrets`. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  eventStore: EventStoreLocation;
  readStore: ReadStoreLocation;
  sqliteSynchronous: (typeof SQLITE_SYNCHRONOUS)[number];
  /** From LENDCORE_JWT_SECRET; null means "use (or create) the file under the data dir". */
  jwtSecret: Buffer | null;
  /** From LENDCORE_MASTER_KEY; null means "use (or create) the file under the data dir". */
  masterKey: Buffer | null;
  logLevel: (typeof LOG_LEVELS)[number];
  projectors: boolean;
  /** Requests per minute per subject; 0 turns the limiter off. */
  rateLimitPerMinute: number;
  /** From LENDCORE_ENV; `development` turns on the one-click development login (POST /v1/dev/session). */
  environment: (typeof ENVIRONMENTS)[number];
}

/** Thrown with one line per bad variable, naming it and what it expects. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const wholeNumber = (max: number, expected: string) =>
  z.string().regex(/^\d+$/, expected).transform(Number).refine((n) => n <= max, expected);

const base64Key = z
  .string()
  .refine((s) => /^[A-Za-z0-9+/]+={0,2}$/.test(s) && Buffer.from(s, 'base64').length === 32, 'expected 32 bytes, base64-encoded')
  .transform((s) => Buffer.from(s, 'base64'));

const envSchema = z.object({
  PORT: wholeNumber(65_535, 'expected an integer from 0 to 65535').default(3000),
  HOST: z.string().min(1, 'expected a host name or address').default('127.0.0.1'),
  LENDCORE_DATA_DIR: z.string().min(1, 'expected a directory path').default('./data'),
  LENDCORE_EVENTSTORE_URL: z.string().refine((u) => parseEventStoreUrl(u) !== null, 'expected sqlite:<path> or esdb://host:port').optional(),
  LENDCORE_READSTORE_URL: z.string().refine((u) => parseReadStoreUrl(u) !== null, 'expected sqlite:<path> or mongodb://host:port').optional(),
  LENDCORE_SQLITE_SYNCHRONOUS: z.enum(SQLITE_SYNCHRONOUS, `expected one of ${SQLITE_SYNCHRONOUS.join(', ')}`).default('FULL'),
  LENDCORE_JWT_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  LENDCORE_MASTER_KEY: base64Key.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, `expected one of ${LOG_LEVELS.join(', ')}`).default('info'),
  LENDCORE_PROJECTORS: z.enum(['on', 'off'], 'expected on or off').default('on'),
  LENDCORE_RATE_LIMIT: wholeNumber(Number.MAX_SAFE_INTEGER, 'expected requests per minute as a whole number (0 = off)').default(60_000),
  LENDCORE_ENV: z.enum(ENVIRONMENTS, `expected one of ${ENVIRONMENTS.join(', ')}`).default('production'),
});

const SECRET_VARIABLES = new Set(['LENDCORE_JWT_SECRET', 'LENDCORE_MASTER_KEY']);

/** Validates the environment; every bad variable is reported at once, secrets never echoed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "unset", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const got = SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(present[name])})`;
        return `${name}: ${issue.message}${got}`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = e.LENDCORE_DATA_DIR;
  // Read models get their own file so projection writes never wait on the log's fsyncs.
  const eventStoreUrl = e.LENDCORE_EVENTSTORE_URL ?? `sqlite:${path.join(dataDir, 'lendcore.db')}`;
  const readStoreUrl = e.LENDCORE_READSTORE_URL ?? `sqlite:${path.join(dataDir, 'readmodels.db')}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    eventStore: parseEventStoreUrl(eventStoreUrl) as EventStoreLocation,
    readStore: parseReadStoreUrl(readStoreUrl) as ReadStoreLocation,
    sqliteSynchronous: e.LENDCORE_SQLITE_SYNCHRONOUS,
    jwtSecret: e.LENDCORE_JWT_SECRET === undefined ? null : Buffer.from(e.LENDCORE_JWT_SECRET, 'utf8'),
    masterKey: e.LENDCORE_MASTER_KEY ?? null,
    logLevel: e.LOG_LEVEL,
    projectors: e.LENDCORE_PROJECTORS === 'on',
    rateLimitPerMinute: e.LENDCORE_RATE_LIMIT,
    environment: e.LENDCORE_ENV,
  };
}
