import path from 'node:path';
import { z } from 'zod';
import { PAYMENT_SECRET_VARIABLES, paymentsConfig, paymentsEnvSchema, type PaymentsConfig } from './payments-config.js';
import { parseDurationSeconds } from '../api/auth/duration.js';
import type { OidcSettings } from '../api/auth/oidc.js';
import { TOKEN_ROLES, type TokenRole } from '../api/auth/token.js';
import { estimatedEntropyBits, MIN_SECRET_ENTROPY_BITS } from './secret-strength.js';
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
  /** IANA time zone the lender works in: today there is the business date. */
  timeZone: string;
  /** From LENDCORE_SIGNING_KEY (32-byte Ed25519 seed); null means "use (or create) <dataDir>/signing.key". */
  signingKey: Buffer | null;
  /** Seconds between signed checkpoints the server writes (LENDCORE_CHECKPOINT_SECONDS); 0 = only at start and stop. */
  checkpointSeconds: number;
  payments: PaymentsConfig;
  /** The longest lifetime (seconds) a bearer token may have; longer ones are refused when minted and when presented. */
  tokenMaxTtlSeconds: number;
  /** Origins allowed to call the API from a browser (CORS); empty means same-origin only. */
  corsOrigins: string[];
  /** From LENDCORE_OIDC_*: an external identity provider whose tokens are accepted too; null when not configured. */
  oidc: OidcSettings | null;
  /** Where outbox messages go; a channel left null keeps its messages in the local mailbox (development). */
  delivery: { smtpUrl: string | null; mailFrom: string; smsWebhookUrl: string | null; smsWebhookAuthorization: string | null };
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
  // The string's own UTF-8 bytes are the HS256 key (not decoded from hex or base64: deployed secrets must keep working).
  LENDCORE_JWT_SECRET: z
    .string()
    .min(32, { error: 'expected at least 32 characters, whose bytes are the key (e.g. the 64 hex characters of openssl rand -hex 32)', abort: true })
    .refine((s) => estimatedEntropyBits(s) >= MIN_SECRET_ENTROPY_BITS, 'expected a random string, whose bytes are the key (e.g. the 64 hex characters of openssl rand -hex 32); this value is too predictable')
    .optional(),
  LENDCORE_MASTER_KEY: base64Key.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, `expected one of ${LOG_LEVELS.join(', ')}`).default('info'),
  LENDCORE_PROJECTORS: z.enum(['on', 'off'], 'expected on or off').default('on'),
  LENDCORE_RATE_LIMIT: wholeNumber(Number.MAX_SAFE_INTEGER, 'expected requests per minute as a whole number (0 = off)').default(60_000),
  LENDCORE_TIMEZONE: z.string().refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  LENDCORE_SIGNING_KEY: base64Key.optional(),
  LENDCORE_CHECKPOINT_SECONDS: wholeNumber(86_400, 'expected seconds from 0 to 86400 (0 = only at start and stop)').default(300),
  ...paymentsEnvSchema,
  LENDCORE_TOKEN_MAX_TTL: z
    .string()
    .refine((s) => parseDurationSeconds(s) !== null, 'expected a duration like 8h, 15m or 1d')
    .transform((s) => parseDurationSeconds(s) as number)
    .default(8 * 3600),
  LENDCORE_CORS_ORIGINS: z
    .string()
    .transform((s) => s.split(',').map((o) => o.trim()).filter((o) => o !== ''))
    .refine((list) => list.every((o) => /^https?:\/\/[^/\s*]+$/.test(o)), 'expected a comma-separated list of origins such as https://console.example.com (no paths, no wildcards)')
    .default([]),
  LENDCORE_OIDC_ISSUER: z.url({ error: 'expected the issuer URL, e.g. https://sso.example.com/realms/lender' }).optional(),
  LENDCORE_OIDC_AUDIENCE: z.string().min(1).optional(),
  LENDCORE_OIDC_JWKS_URL: z.url({ error: 'expected the URL of the JSON Web Key Set' }).optional(),
  LENDCORE_OIDC_ROLE_CLAIM: z.string().regex(/^[\w-]+(\.[\w-]+)*$/, 'expected a claim name or dotted path such as realm_access.roles').default('roles'),
  LENDCORE_SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'expected smtp://… or smtps://user:password@host:port').optional(),
  LENDCORE_MAIL_FROM: z.string().min(3).default('lendcore <no-reply@localhost>'),
  LENDCORE_SMS_WEBHOOK_URL: z.url({ error: 'expected the https:// URL SMS messages are POSTed to' }).optional(),
  LENDCORE_SMS_WEBHOOK_AUTHORIZATION: z.string().min(1).optional(),
  LENDCORE_OIDC_ROLES: z
    .string()
    .transform((s, ctx) => parseRoleMap(s, ctx))
    .optional(),
  LENDCORE_ENV: z.enum(ENVIRONMENTS, `expected one of ${ENVIRONMENTS.join(', ')}`).default('production'),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const STAFF_TOKEN_ROLES = TOKEN_ROLES.filter((r) => r !== 'borrower');

/** `provider-role=lendcore-role,…`; only staff roles can be mapped (borrowers have accounts here). */
function parseRoleMap(text: string, ctx: z.RefinementCtx): Record<string, TokenRole> {
  const map: Record<string, TokenRole> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [external, role] = pair.split('=').map((p) => p.trim());
    if (!external || !role || !(STAFF_TOKEN_ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: 'custom', message: `expected provider-role=lendcore-role pairs, lendcore-role one of ${STAFF_TOKEN_ROLES.join(', ')}` });
      return map;
    }
    map[external] = role as TokenRole;
  }
  return map;
}

const SECRET_VARIABLES = new Set([
  'LENDCORE_JWT_SECRET', 'LENDCORE_MASTER_KEY', 'LENDCORE_SIGNING_KEY', 'LENDCORE_SMTP_URL', 'LENDCORE_SMS_WEBHOOK_AUTHORIZATION', ...PAYMENT_SECRET_VARIABLES,
]);

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
  if (e.LENDCORE_OIDC_ISSUER !== undefined && e.LENDCORE_OIDC_AUDIENCE === undefined) {
    throw new ConfigError(['LENDCORE_OIDC_AUDIENCE: required with LENDCORE_OIDC_ISSUER (the client id tokens are issued for)']);
  }
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
    timeZone: e.LENDCORE_TIMEZONE,
    signingKey: e.LENDCORE_SIGNING_KEY ?? null,
    checkpointSeconds: e.LENDCORE_CHECKPOINT_SECONDS,
    payments: paymentsConfig(e, `http://${e.HOST}:${e.PORT}`, e.LENDCORE_ENV),
    tokenMaxTtlSeconds: e.LENDCORE_TOKEN_MAX_TTL,
    corsOrigins: e.LENDCORE_CORS_ORIGINS,
    oidc: e.LENDCORE_OIDC_ISSUER === undefined ? null : {
      issuer: e.LENDCORE_OIDC_ISSUER,
      audience: e.LENDCORE_OIDC_AUDIENCE ?? '',
      roleClaim: e.LENDCORE_OIDC_ROLE_CLAIM,
      // Without a map, provider roles named like ours (officer, underwriter…) map to themselves.
      roleMap: e.LENDCORE_OIDC_ROLES ?? Object.fromEntries(STAFF_TOKEN_ROLES.map((r) => [r, r])),
      jwksUrl: e.LENDCORE_OIDC_JWKS_URL ?? null,
    },
    delivery: {
      smtpUrl: e.LENDCORE_SMTP_URL ?? null,
      mailFrom: e.LENDCORE_MAIL_FROM,
      smsWebhookUrl: e.LENDCORE_SMS_WEBHOOK_URL ?? null,
      smsWebhookAuthorization: e.LENDCORE_SMS_WEBHOOK_AUTHORIZATION ?? null,
    },
    environment: e.LENDCORE_ENV,
  };
}
