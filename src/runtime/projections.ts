import type { Registry } from 'prom-client';
import type { ProjectionControl, ProjectionHealth } from '../api/deps.js';
import type { EventStore } from '../eventstore/port.js';
import { ALL_EVENT_TYPES } from '../projections/models/event-types.js';
import { projections } from '../projections/models/index.js';
import type { RebuildProgress } from '../projections/rebuild.js';
import { ProjectionRunner } from '../projections/runner.js';
import type { ReadStore } from '../readstore/port.js';

/** Every read model the process keeps: the list in src/projections/models/index.ts. */
export const PROJECTIONS = projections;

export interface ProjectionRunnerDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  registry: Registry;
  /** Set for `lendcore project` workers: each projection runs in the one worker holding its lease. */
  lease?: { owner: string; ttlMs: number };
  onRebuildProgress?: (projection: string, progress: RebuildProgress) => void;
}

/** A runner over every registered projection, not started yet. */
export function createProjectionRunner(deps: ProjectionRunnerDeps): ProjectionRunner {
  return new ProjectionRunner({ ...deps, projections: PROJECTIONS, knownEventTypes: new Set(ALL_EVENT_TYPES) });
}

/** What /ready asks of the projections (in this thread or the projection thread): the ones stopped on an error. */
export function projectionHealth(runner: Pick<ProjectionControl, 'status'>): ProjectionHealth {
  return {
    failed: async () => (await runner.status()).filter((s) => s.state === 'failed').map((s) => ({ name: s.name, error: s.error ?? 'failed' })),
  };
}
