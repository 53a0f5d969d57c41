import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';
import type { Config } from '../config/config.js';
import type { EventStore } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';
import type { PiiVault } from '../vault/pii-vault.js';

/** Time comes in as a dependency so tests (and token expiry checks) control it. */
export interface Clock {
  now(): Date;
}

/** What /ready needs from the projection runner: the projections that stopped on an error. */
export interface ProjectionHealth {
  failed(): Promise<{ name: string; error: string }[]>;
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
  metrics: Registry;
  /** Resource plugins (customers, products, loans, reports...); see src/api/routes.ts. */
  routes: ApiPlugin[];
}

/**
 * A resource plugin: `export const loanRoutes: ApiPlugin = async (app, { deps }) => { ... }`.
 * It is registered in its own encapsulated scope after auth, rate limiting and the problem mapper.
 */
export type ApiPlugin = FastifyPluginAsync<{ deps: AppDeps }>;
