import type { OperationsMetrics } from '../runtime/operations-metrics.js';
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';
import type { Config } from '../config/config.js';
import type { EventStore } from '../eventstore/port.js';
import type { IdentityStore } from '../identity/identity-store.js';
import type { ScryptParams } from '../identity/passwords.js';
import type { ProjectionStatus } from '../projections/projection-status.js';
import type { ReadStore } from '../readstore/port.js';
import type { PiiVault } from '../vault/pii-vault.js';

/** Time comes in as a dependency so tests (and token expiry checks) control it. */
export interface Clock {
  now(): Date;
  /** The lender's IANA time zone (LENDCORE_TIMEZONE): today there is the business date. Default Asia/Shanghai. */
  timeZone?: string;
}

/** What /ready needs from the projection runner: the projections that stopped on an error. */
export interface ProjectionHealth {
  failed(): Promise<{ name: string; error: string }[]>;
}

/** What the query side asks of the projection runner: status, read-your-writes waits, shadow rebuilds. */
export interface ProjectionControl {
  status(): Promise<ProjectionStatus[]>;
  /** True once the projection (or every one, for 'all') has reached `position`; false after `timeoutMs`. */
  waitForPosition(name: string, position: bigint, timeoutMs: number): Promise<boolean>;
  rebuild(name: string): Promise<void>;
}

export interface AppDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  vault: PiiVault;
  config: Config;
  /** HS256 key for bearer tokens (from LENDCORE_JWT_SECRET or the data dir). */
  jwtSecret: Uint8Array;
  logger: FastifyBaseLogger;
  clock: Clock;
  /** Absent when projectors run elsewhere (`lendcore project` workers). */
  projections?: ProjectionHealth;
  /** The runner itself; absent with `lendcore project` workers (minPosition then polls checkpoints, rebuilds answer 409). */
  projectionControl?: ProjectionControl;
  metrics: Registry;
  /** Close-of-business metrics (src/runtime/operations-metrics.ts); absent in tests that build the app alone. */
  operations?: Pick<OperationsMetrics, 'closeOfBusinessRan' | 'closeOfBusinessFailed'>;
  /**
   * Accounts, sessions and the outbox (`<dataDir>/users.db`). Absent in bare test apps: then a
   * token carrying a session id is refused and the identity routes must not be registered.
   */
  identity?: IdentityStore;
  /** Cost of new password hashes (default PASSWORD_SCRYPT); tests lower it. */
  passwordParams?: ScryptParams;
  /** Resource plugins (customers, products, loans, reports...); see src/api/routes.ts. */
  routes: ApiPlugin[];
  /** More /ready checks: each answers null when fine, else the reason (naming the file and what to do). */
  readiness?: (() => Promise<string | null>)[];
}

/**
 * A resource plugin: `export const loanRoutes: ApiPlugin = async (app, { deps }) => { ... }`.
 * It is registered in its own encapsulated scope after auth, rate limiting and the problem mapper.
 */
export type ApiPlugin = FastifyPluginAsync<{ deps: AppDeps }>;
