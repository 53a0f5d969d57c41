import { createMetricsRegistry } from '../../src/api/plugins/metrics.js';
import type { Config } from '../../src/config/config.js';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import { ProjectionRunner } from '../../src/projections/runner.js';
import type { ReadStore } from '../../src/readstore/port.js';
import { openEventStore, openReadStore } from '../../src/runtime/open-stores.js';
import { projectionsFor } from '../../src/runtime/projections.js';

/** A `lendcore project` worker inside the test process. */
export interface ProjectionWorkerProcess {
  owner: string;
  runner: ProjectionRunner;
  readStore: ReadStore;
  /** Graceful stop, as on SIGTERM: finishes the batch, releases the leases, closes its stores. */
  stop(): Promise<void>;
  /** Dies as under kill -9: no more renewals or commits, and its leases stay until they expire. */
  crash(): Promise<void>;
}

/**
 * Starts a worker as src/cli/commands/project.ts does (its own connections to the config's stores,
 * every projection under a lease named for `owner`), with the lease clock injectable.
 */
export async function startProjectionWorker(config: Config, owner: string, lease: { ttlMs: number; now?: () => Date }): Promise<ProjectionWorkerProcess> {
  const eventStore = await openEventStore(config);
  const readStore = await openReadStore(config);
  const runner = new ProjectionRunner({
    eventStore, readStore, registry: createMetricsRegistry(), projections: projectionsFor(eventStore), knownEventTypes: new Set(ALL_EVENT_TYPES),
    lease: { owner, ttlMs: lease.ttlMs }, ...(lease.now ? { now: lease.now } : {}),
  });
  await runner.start();
  const stop = async () => {
    await runner.stop();
    await readStore.close();
    await eventStore.close();
  };
  return {
    owner, runner, readStore, stop,
    async crash() {
      // A killed process never reaches its release; stopping without it leaves the leases to expire.
      readStore.releaseLease = async () => {};
      await stop();
    },
  };
}
