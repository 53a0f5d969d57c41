import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { Registry } from 'prom-client';
import type { ProjectionControl } from '../api/deps.js';
import type { Config } from '../config/config.js';
import type { EventStore } from '../eventstore/port.js';
import { SqliteEventStore } from '../eventstore/sqlite-event-store.js';
import { ProjectionMetrics } from '../projections/metrics.js';
import type { ReadStore } from '../readstore/port.js';
import { ProjectionThread, type ProjectionThreadData, type ThreadHandle } from './projection-thread-host.js';
import { PROJECTION_THREAD_RESOURCE_LIMITS } from './projection-thread-limits.js';
import { logStateChange, watchProjectionStates, type StateWatch } from './projection-state-watch.js';
import { createProjectionRunner, projectionsFor } from './projections.js';

/** The projections a server runs, in this thread or another: the control API plus start and stop. */
export interface ProjectionHost extends ProjectionControl {
  start(): Promise<void>;
  /** Stops every projection after its current batch and releases its leases. */
  stop(): Promise<void>;
}

export interface HostingDeps {
  config: Config;
  eventStore: EventStore;
  readStore: ReadStore;
  registry: Registry;
  logger: FastifyBaseLogger;
  /** Starts the projection thread; defaults to a Worker on the compiled projection-thread.js. */
  spawnThread?: (data: ProjectionThreadData) => ThreadHandle;
}

/**
 * Renewed every ttl/3. Only a crashed process leaves its leases to expire (a clean stop releases
 * them, a restarted projection thread reuses the process's owner), so this bounds how long a
 * server restarted after kill -9 waits before projecting again.
 */
export const SERVER_LEASE_TTL_MS = 10_000;

/** The compiled worker entry; absent when running TypeScript sources (vitest), where projections stay in-thread. */
export const PROJECTION_THREAD_ENTRY = new URL('./projection-thread.js', import.meta.url);

/** One owner per server process: unique across hosts, processes and restarts of the same pid. */
export function serverLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * The server's projections, not started yet, each under a lease so `lendcore project` workers can
 * run beside it. On the embedded SQLite stores they run in a worker thread (the HTTP thread only
 * forwards appends and control calls); on server stores, or without a compiled entry, in this thread.
 */
export function hostProjections(deps: HostingDeps): ProjectionHost {
  const lease = { owner: serverLeaseOwner(), ttlMs: SERVER_LEASE_TTL_MS };
  const { config, eventStore, readStore, logger } = deps;
  const spawn = deps.spawnThread ?? (existsSync(fileURLToPath(PROJECTION_THREAD_ENTRY)) ? spawnWorker : null);
  const events = config.eventStore;
  const reads = config.readStore;
  if (events.kind !== 'sqlite' || reads.kind !== 'sqlite' || !(eventStore instanceof SqliteEventStore) || !spawn) {
    return withStateLog(createProjectionRunner({ eventStore, readStore, registry: deps.registry, lease }), logger);
  }
  const data: ProjectionThreadData = { eventStorePath: events.path, readStorePath: reads.path, synchronous: config.sqliteSynchronous, lease, macKey: eventStore.macKey };
  const thread = new ProjectionThread({ spawn: () => spawn(data), projections: projectionsFor(eventStore), eventStore, readStore, logger });
  // The runner's own metrics stay in the thread's registry; these serve the same figures from status().
  const metrics = new ProjectionMetrics(deps.registry, () => thread.status());
  let unsubscribe = () => {};
  const host: ProjectionHost = {
    status: () => thread.status(),
    waitForPosition: (name, position, timeoutMs) => thread.waitForPosition(name, position, timeoutMs),
    rebuild: (name) => thread.rebuild(name),
    async start() {
      await thread.start();
      logger.info({ owner: lease.owner }, 'projections run in a worker thread');
      unsubscribe = eventStore.onAppend((head) => thread.appended(head));
    },
    async stop() {
      unsubscribe();
      await thread.stop();
    },
  };
  return withStateLog(host, logger, (name) => metrics.errors.inc({ projection: name }));
}

/** The host, logging each projection's state changes while it runs (and counting failures where asked). */
function withStateLog(host: ProjectionHost, logger: FastifyBaseLogger, onFailed?: (projection: string) => void): ProjectionHost {
  let watch: StateWatch | null = null;
  return {
    status: () => host.status(),
    waitForPosition: (name, position, timeoutMs) => host.waitForPosition(name, position, timeoutMs),
    rebuild: (name) => host.rebuild(name),
    async start() {
      await host.start();
      watch = watchProjectionStates(() => host.status(), (change) => {
        logStateChange(logger, change);
        if (change.to === 'failed') onFailed?.(change.name);
      });
    },
    async stop() {
      watch?.stop();
      watch = null;
      await host.stop();
    },
  };
}

function spawnWorker(data: ProjectionThreadData): ThreadHandle {
  return new Worker(PROJECTION_THREAD_ENTRY, { workerData: data, resourceLimits: PROJECTION_THREAD_RESOURCE_LIMITS });
}
