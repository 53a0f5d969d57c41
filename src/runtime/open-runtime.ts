import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from '../api/app.js';
import type { ApiPlugin } from '../api/deps.js';
import { createLogger } from '../api/logger.js';
import { createMetricsRegistry } from '../api/plugins/metrics.js';
import { resourceRoutes } from '../api/routes.js';
import type { Config } from '../config/config.js';
import { resolveSecrets } from '../config/secrets.js';
import type { EventStore } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';
import { PiiVault } from '../vault/pii-vault.js';
import { openBlindIndex } from '../vault/open-blind-index.js';
import { SqliteKeyStore } from '../vault/sqlite-key-store.js';
import { openEventStore, openReadStore } from './open-stores.js';
import { hostProjections, type HostingDeps, type ProjectionHost } from './projection-hosting.js';
import { projectionHealth } from './projections.js';

export interface Runtime {
  config: Config;
  app: FastifyInstance;
  eventStore: EventStore;
  readStore: ReadStore;
  vault: PiiVault;
  logger: FastifyBaseLogger;
  /**
   * Null when LENDCORE_PROJECTORS=off (projections run in `lendcore project` workers). Each
   * projection runs under a lease, so such workers may also run beside this server.
   */
  projections: ProjectionHost | null;
  /** Stops accepting, drains in-flight requests, stops projections, closes every store; safe to call twice. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Resource plugins; defaults to src/api/routes.ts. */
  routes?: ApiPlugin[];
  logger?: FastifyBaseLogger;
  /** Starts the projection thread another way (tests run TypeScript sources, which a plain Worker cannot load). */
  spawnProjectionThread?: HostingDeps['spawnThread'];
}

export const DEMO_HINT = 'the event log is empty; for sample customers, products and loans run: npx lendcore demo';

/** The composition root: opens stores, vault and projections from the config and builds the app (not listening yet). */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const secrets = await resolveSecrets(config);
  const closers: (() => Promise<void>)[] = [];
  try {
    const eventStore = await openEventStore(config);
    closers.unshift(() => eventStore.close());
    const readStore = await openReadStore(config);
    closers.unshift(() => readStore.close());
    // Keys stay beside the data dir even with server stores: they must never travel with the log.
    const keyStore = SqliteKeyStore.open({ path: path.join(config.dataDir, 'keys.db'), masterKey: secrets.masterKey });
    closers.unshift(() => keyStore.close());
    const blindIndex = openBlindIndex(config.dataDir, secrets.masterKey);
    closers.unshift(() => blindIndex.close());
    const vault = new PiiVault(keyStore, blindIndex);
    const metrics = createMetricsRegistry();
    const projections = config.projectors
      ? hostProjections({ config, eventStore, readStore, registry: metrics, logger, ...(options.spawnProjectionThread ? { spawnThread: options.spawnProjectionThread } : {}) })
      : null;
    if (projections) {
      closers.unshift(() => projections.stop());
      await projections.start();
    }

    const app = await buildApp({
      eventStore, readStore, vault, config, logger,
      jwtSecret: secrets.jwtSecret,
      clock: { now: () => new Date() },
      metrics,
      routes: options.routes ?? resourceRoutes,
      ...(projections ? { projections: projectionHealth(projections), projectionControl: projections } : {}),
    });
    closers.unshift(() => app.close());
    if ((await eventStore.headPosition()) === 0n) logger.info(DEMO_HINT);

    let closing: Promise<void> | null = null;
    const close = () => (closing ??= closeInOrder(closers));
    return { config, app, eventStore, readStore, vault, logger, projections, close };
  } catch (error) {
    await closeInOrder(closers);
    throw error;
  }
}

// App first (drains requests), then projections, then stores: nothing writes to a closed store.
async function closeInOrder(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of closers) await close();
}
