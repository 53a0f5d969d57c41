import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from '../api/app.js';
import { completeInterruptedWrites } from '../app/recovery/complete-interrupted-writes.js';
import type { ApiPlugin } from '../api/deps.js';
import { createLogger } from '../api/logger.js';
import { createMetricsRegistry } from '../api/plugins/metrics.js';
import { resourceRoutes } from '../api/routes.js';
import type { Config } from '../config/config.js';
import { resolveSecrets } from '../config/secrets.js';
import type { EventStore } from '../eventstore/port.js';
import { SqliteEventStore } from '../eventstore/sqlite-event-store.js';
import { scheduleCheckpoints } from '../integrity/checkpoint-schedule.js';
import { resolveIntegrityKeys } from '../integrity/integrity-keys.js';
import { configuredDelivery, DELIVERY_INTERVAL_MS } from '../identity/configured-delivery.js';
import { IdentityStore } from '../identity/identity-store.js';
import type { ScryptParams } from '../identity/passwords.js';
import type { ReadStore } from '../readstore/port.js';
import { PiiVault } from '../vault/pii-vault.js';
import { openBlindIndex } from '../vault/open-blind-index.js';
import { SqliteKeyStore } from '../vault/sqlite-key-store.js';
import { openEventStore, openReadStore } from './open-stores.js';
import { hostProjections, type HostingDeps, type ProjectionHost } from './projection-hosting.js';
import { projectionHealth } from './projections.js';
import { keyStoreReadiness } from './key-store-readiness.js';
import { checkLogAtStart, type LogCheck, type LogCheckData, type LogCheckThread } from './log-check-at-start.js';
import { OperationsMetrics } from './operations-metrics.js';
import { assertSafeStart, KEY_STORE_FILE } from './safe-start.js';
import { limitServerHeapGrowth } from './server-heap.js';

export interface Runtime {
  config: Config;
  app: FastifyInstance;
  eventStore: EventStore;
  readStore: ReadStore;
  vault: PiiVault;
  /** Accounts, sessions, outbox and security events (`<dataDir>/users.db`). */
  identity: IdentityStore;
  logger: FastifyBaseLogger;
  /**
   * Null when LENDCORE_PROJECTORS=off (projections run in `lendcore project` workers). Each
   * projection runs under a lease, so such workers may also run beside this server.
   */
  projections: ProjectionHost | null;
  /** Close-of-business and payment-suspense metrics are reported through this (src/runtime/operations-metrics.ts). */
  operations: OperationsMetrics;
  /** The integrity walk of the embedded log at start (null over server stores); /ready reports what it found. */
  logCheck: LogCheck | null;
  /** Stops accepting, drains in-flight requests, stops projections, closes every store; safe to call twice. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Resource plugins; defaults to src/api/routes.ts. */
  routes?: ApiPlugin[];
  logger?: FastifyBaseLogger;
  /** Starts the projection thread another way (tests run TypeScript sources, which a plain Worker cannot load). */
  spawnProjectionThread?: HostingDeps['spawnThread'];
  /** Cost of new password hashes; tests lower it to keep scrypt quick. */
  passwordParams?: ScryptParams;
  /** Starts the log check at start another way (tests run TypeScript sources). */
  spawnLogCheck?: (data: LogCheckData) => LogCheckThread;
}

export const DEMO_HINT = 'the event log is empty; for sample customers, products and loans run: node bin/lendcore.js demo';

/** The composition root: opens stores, vault and projections from the config and builds the app (not listening yet). */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  assertSafeStart(config);
  limitServerHeapGrowth();
  const secrets = await resolveSecrets(config);
  const closers: (() => Promise<void>)[] = [];
  try {
    const eventStore = await openEventStore(config, {
      onSnapshotRejected: (streamId, reason) => logger.warn({ streamId, reason }, 'snapshot refused; rebuilt from events'),
    });
    closers.unshift(() => eventStore.close());
    let logCheck: LogCheck | null = null;
    if (config.eventStore.kind === 'sqlite') {
      logCheck = checkLogAtStart({ logFile: config.eventStore.path, dataDir: config.dataDir, signingKey: config.signingKey }, logger, options.spawnLogCheck);
      const started = logCheck;
      closers.unshift(() => started.stop());
      const checkpoints = scheduleCheckpoints({
        logFile: config.eventStore.path, dataDir: config.dataDir, seconds: config.checkpointSeconds, logger,
        keys: await resolveIntegrityKeys(config.dataDir, config.signingKey),
      });
      closers.unshift(() => checkpoints.stop());
    }
    const readStore = await openReadStore(config);
    closers.unshift(() => readStore.close());
    // Keys stay beside the data dir even with server stores: they must never travel with the log.
    const keysFile = path.join(config.dataDir, KEY_STORE_FILE);
    const keyStore = SqliteKeyStore.open({ path: keysFile, masterKey: secrets.masterKey });
    closers.unshift(() => keyStore.close());
    const blindIndex = openBlindIndex(config.dataDir, secrets.masterKey);
    closers.unshift(() => blindIndex.close());
    const vault = new PiiVault(keyStore, blindIndex);
    // Accounts live beside the key store, outside the log, for the same reason: they hold secrets, not business facts.
    const identity = IdentityStore.open(config.dataDir);
    closers.unshift(async () => identity.close());
    const delivery = configuredDelivery(config, identity, { now: () => new Date() });
    if (delivery) {
      delivery.start(DELIVERY_INTERVAL_MS, (error) => logger.error({ err: error }, 'outbox delivery pass failed'));
      closers.unshift(() => delivery.stop());
    }
    const metrics = createMetricsRegistry();
    const operations = new OperationsMetrics(metrics, {
      headPosition: () => eventStore.headPosition(),
      ...(eventStore instanceof SqliteEventStore ? { appendStats: () => ({ appends: eventStore.commitStats.appends, conflicts: eventStore.conflictCount }) } : {}),
    });
    const projections = config.projectors
      ? hostProjections({ config, eventStore, readStore, registry: metrics, logger, ...(options.spawnProjectionThread ? { spawnThread: options.spawnProjectionThread } : {}) })
      : null;
    if (projections) {
      closers.unshift(() => projections.stop());
      await projections.start();
    }
    // Payouts and suspense assignments a crash cut between their stream and the loan (src/app/recovery).
    await completeInterruptedWrites({ eventStore, readStore, vault, clock: { now: () => new Date(), timeZone: config.timeZone } }, logger);

    const app = await buildApp({
      eventStore, readStore, vault, config, logger, identity,
      jwtSecret: secrets.jwtSecret,
      ...(options.passwordParams ? { passwordParams: options.passwordParams } : {}),
      clock: { now: () => new Date(), timeZone: config.timeZone },
      metrics,
      routes: options.routes ?? resourceRoutes,
      readiness: [keyStoreReadiness(keysFile, keyStore), ...(logCheck ? [() => logCheck.readiness()] : [])],
      operations,
      ...(projections ? { projections: projectionHealth(projections), projectionControl: projections } : {}),
    });
    closers.unshift(() => app.close());
    if ((await eventStore.headPosition()) === 0n) logger.info(DEMO_HINT);

    let closing: Promise<void> | null = null;
    const close = () => (closing ??= closeInOrder(closers));
    return { config, app, eventStore, readStore, vault, identity, logger, projections, operations, logCheck, close };
  } catch (error) {
    await closeInOrder(closers);
    throw error;
  }
}

// App first (drains requests), then projections, then stores: nothing writes to a closed store.
async function closeInOrder(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of closers) await close();
}
