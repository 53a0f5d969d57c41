import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { mintToken, type TokenRole } from '../../src/api/auth/token.js';
import type { ApiPlugin } from '../../src/api/deps.js';
import { createLogger } from '../../src/api/logger.js';
import { loadConfig } from '../../src/config/config.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { projectionsFor } from '../../src/runtime/projections.js';
import { checkpointsReached } from './checkpoints.js';
import { recordProblemCodes } from './problem-code-recorder.js';

/** Who calls: a role and a subject; borrowers also name the customer they are. */
export interface Caller {
  role: TokenRole;
  sub: string;
  customerId?: string;
}

export interface TestApp {
  runtime: Runtime;
  dataDir: string;
  /** Every log line the runtime wrote (JSON), for PII and correlation checks. */
  logLines: string[];
  /** `{authorization: 'Bearer …'}` for the caller, signed with the runtime's secret. */
  auth(caller: Caller): Promise<Record<string, string>>;
  /** `app.inject` as the caller (or anonymously with null); a JSON body is sent as given. */
  call(caller: Caller | null, method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Waits until every projection has applied the log up to `position` (a decimal string or bigint), in this process or in workers. */
  caughtUp(position: string | bigint): Promise<void>;
  /** Closes the runtime and deletes the data dir. */
  close(): Promise<void>;
}

/** One staff member per role, for tests that need "an officer" without caring which. */
export const STAFF: Record<Exclude<TokenRole, 'borrower'>, Caller> = {
  officer: { role: 'officer', sub: 'officer-olga' },
  underwriter: { role: 'underwriter', sub: 'underwriter-uma' },
  compliance: { role: 'compliance', sub: 'compliance-chen' },
  admin: { role: 'admin', sub: 'admin-ada' },
};

export const borrower = (customerId: string): Caller => ({ role: 'borrower', sub: `user-${customerId}`, customerId });

export interface TestAppOptions {
  routes?: ApiPlugin[];
  /** `LENDCORE_EVENTSTORE_URL` (e.g. `esdb://…`); default a SQLite file in the temp data dir. */
  eventStoreUrl?: string;
  /** `LENDCORE_READSTORE_URL` (e.g. `mongodb://…/db`); default a SQLite file in the temp data dir. */
  readStoreUrl?: string;
  /** 'off' runs no projections in the app, as beside `lendcore project` workers. */
  projectors?: 'on' | 'off';
  /** More environment variables (e.g. LENDCORE_RATE_LIMIT to turn the limiter on). */
  env?: NodeJS.ProcessEnv;
}

const CAUGHT_UP_WAIT_MS = 10_000;
/** How long a minted test token is reused: well inside its one-hour lifetime. */
const TOKEN_REUSE_MS = 30 * 60_000;
/** Cheap scrypt for tests (1 MiB, ~2 ms): the production cost would make every login test slow. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

/**
 * The real runtime (SQLite log, read models and key store on temp files unless store URLs are
 * given, projections running unless turned off, rate limit off) behind `app.inject`, with tokens
 * minted per role.
 */
export async function openTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lendcore-test-'));
  const secret = randomBytes(24).toString('hex');
  const logLines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logLines.push(chunk.toString()), done()) });
  const config = loadConfig({
    LENDCORE_DATA_DIR: dataDir, LENDCORE_JWT_SECRET: secret, LENDCORE_RATE_LIMIT: '0', LENDCORE_SQLITE_SYNCHRONOUS: 'NORMAL', LENDCORE_PAYMENTS_SANDBOX: 'on',
    LENDCORE_EVENTSTORE_URL: options.eventStoreUrl, LENDCORE_READSTORE_URL: options.readStoreUrl, LENDCORE_PROJECTORS: options.projectors,
    ...options.env,
  });
  const runtime = await openRuntime(config, { logger: createLogger('info', sink), passwordParams: TEST_SCRYPT, ...(options.routes ? { routes: options.routes } : {}) });
  // Every problem+json answer is checked against /openapi.json when the file ends (test/support/problem-codes-listed.ts).
  recordProblemCodes(runtime.app);
  await runtime.app.ready();
  const key = Buffer.from(secret, 'utf8');
  const tokens = new Map<string, { token: string; mintedAt: number }>();

  // Tests move the (faked) clock both ways: a token minted after the clock's time would be refused
  // as issued in the future, one minted more than its hour before as expired; either is minted anew.
  const auth = async (caller: Caller) => {
    const id = `${caller.role}:${caller.sub}:${caller.customerId ?? ''}`;
    const now = Date.now();
    let minted = tokens.get(id);
    if (minted === undefined || minted.mintedAt > now || now - minted.mintedAt > TOKEN_REUSE_MS) {
      minted = { token: await mintToken({ ...caller, ttl: '1h' }, key, new Date(now)), mintedAt: now };
      tokens.set(id, minted);
    }
    return { authorization: `Bearer ${minted.token}` };
  };

  return {
    runtime,
    dataDir,
    logLines,
    auth,
    async call(caller, method, url, body, headers = {}) {
      const authHeaders = caller === null ? {} : await auth(caller);
      return runtime.app.inject({
        method, url, headers: { ...authHeaders, ...headers },
        ...(body === undefined ? {} : typeof body === 'string' ? { payload: body, headers: { 'content-type': 'application/json', ...authHeaders, ...headers } } : { payload: body as object }),
      });
    },
    async caughtUp(position) {
      // Without projectors in the app, workers elsewhere move the checkpoints in the read store.
      const reached = runtime.projections
        ? await runtime.projections.waitForPosition('all', BigInt(position), CAUGHT_UP_WAIT_MS)
        : await checkpointsReached(runtime.readStore, projectionsFor(runtime.eventStore), BigInt(position), CAUGHT_UP_WAIT_MS);
      if (!reached) throw new Error(`projections did not reach position ${String(position)}`);
    },
    async close() {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
