import type { Registry } from 'prom-client';
import type { ProjectionControl, ProjectionHealth } from '../api/deps.js';
import type { EventStore } from '../eventstore/port.js';
import { SqliteEventStore } from '../eventstore/sqlite-event-store.js';
import { ALL_EVENT_TYPES } from '../projections/models/event-types.js';
import { auditTrailProjection, projections } from '../projections/models/index.js';
import type { Projection } from '../projections/projection.js';
import type { RebuildProgress } from '../projections/rebuild.js';
import { ProjectionRunner } from '../projections/runner.js';
import type { ReadStore } from '../readstore/port.js';

/** Every read model there is: the list in src/projections/models/index.ts. */
export const PROJECTIONS = projections;

/**
 * The read models kept over this log: all of them, except the audit trail over a SQLite log,
 * which answers audit queries itself (src/eventstore/sqlite-audit-index.ts) instead of copying
 * every event into the read store (it was half of a rebuild's bytes written).
 */
export function projectionsFor(eventStore: EventStore): Projection[] {
  return eventStore instanceof SqliteEventStore ? SQLITE_LOG_PROJECTIONS : PROJECTIONS;
}

/** What projectionsFor keeps over a SQLite log. */
export const SQLITE_LOG_PROJECTIONS: Projection[] = PROJECTIONS.filter((p) => p !== auditTrailProjection);

export interface ProjectionRunnerDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  registry: Registry;
  /** Set for `lendcore project` workers: each projection runs in the one worker holding its lease. */
  lease?: { owner: string; ttlMs: number };
  onRebuildProgress?: (projection: string, progress: RebuildProgress) => void;
}

/** A runner over the projections kept over this log (projectionsFor), not started yet. */
export function createProjectionRunner(deps: ProjectionRunnerDeps): ProjectionRunner {
  return new ProjectionRunner({ ...deps, projections: projectionsFor(deps.eventStore), knownEventTypes: new Set(ALL_EVENT_TYPES) });
}

/** What /ready asks of the projections (in this thread or the projection thread): the ones stopped on an error. */
export function projectionHealth(runner: Pick<ProjectionControl, 'status'>): ProjectionHealth {
  return {
    failed: async () => (await runner.status()).filter((s) => s.state === 'failed').map((s) => ({ name: s.name, error: s.error ?? 'failed' })),
  };
}
