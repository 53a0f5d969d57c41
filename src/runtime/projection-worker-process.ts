import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { createMetricsRegistry } from '../api/plugins/metrics.js';
import type { Config } from '../config/config.js';
import type { ProjectionRunner } from '../projections/runner.js';
import { openEventStore, openReadStore } from './open-stores.js';
import { logStateChange, watchProjectionStates } from './projection-state-watch.js';
import { createProjectionRunner } from './projections.js';
import { serveWorkerMetrics } from './worker-metrics-server.js';

// Renewed every ttl/3; a crashed worker's projections move to another worker within one ttl.
export const WORKER_LEASE_TTL_MS = 15_000;

export interface WorkerProcessOptions {
  config: Config;
  logger: FastifyBaseLogger;
  /** Defaults to hostname-pid. */
  owner?: string;
  /** Serve /metrics and /health on this port (0 picks one) on the config's host; none when absent. */
  metricsPort?: number;
  /** How often state changes are looked for (default 1 s). */
  stateCheckMs?: number;
}

export interface WorkerProcess {
  owner: string;
  runner: ProjectionRunner;
  /** Where /metrics and /health answer, or null without a metrics port. */
  metricsUrl: string | null;
  /** Stops the state log, the metrics server, the runner (releasing its leases), then the stores. */
  close(): Promise<void>;
}

/** `lendcore project`: runs every projection whose lease it can hold, logging each state change (failures with their error). */
export async function startProjectionWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const { config, logger } = options;
  const owner = options.owner ?? `${hostname()}-${process.pid}`;
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.splice(0)) await closer();
  };
  try {
    const eventStore = await openEventStore(config);
    closers.unshift(() => eventStore.close());
    const readStore = await openReadStore(config);
    closers.unshift(() => readStore.close());
    const registry = createMetricsRegistry();
    const runner = createProjectionRunner({ eventStore, readStore, registry, lease: { owner, ttlMs: WORKER_LEASE_TTL_MS } });
    await runner.start();
    closers.unshift(() => runner.stop());
    const watch = watchProjectionStates(() => runner.status(), (change) => logStateChange(logger, change), options.stateCheckMs);
    closers.unshift(async () => watch.stop());
    await watch.check();
    const metrics = options.metricsPort === undefined ? null : await serveWorkerMetrics(registry, () => runner.status(), options.metricsPort, config.host);
    if (metrics) closers.unshift(() => metrics.close());
    return { owner, runner, metricsUrl: metrics?.url ?? null, close };
  } catch (error) {
    await close();
    throw error;
  }
}
