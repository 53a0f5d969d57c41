import type { EventStore } from '../../src/eventstore/port.js';
import { compareProjection, readModelsIdentical, type ProjectionComparison } from '../../src/projections/compare/compare-read-models.js';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import type { Projection } from '../../src/projections/projection.js';
import { rebuildProjections, type RebuildProgress } from '../../src/projections/rebuild.js';
import type { ReadStore } from '../../src/readstore/port.js';
import { catchUpTo } from './catch-up.js';
import { awaitLivePositions } from './live-positions.js';

export interface ReplayCheckOptions {
  eventStore: EventStore;
  /** The read models in service: only read, never written. */
  live: ReadStore;
  /** An empty store to rebuild into (see openScratchReadStore). */
  scratch: ReadStore;
  /** The projections to check. */
  projections: Projection[];
  /** How long the live projections may take to reach the position the rebuild ended at. */
  waitMs: number;
  knownEventTypes?: ReadonlySet<string>;
  onProgress?: (progress: RebuildProgress) => void;
  /** Told the rebuild's position before waiting on the live projections. */
  onRebuilt?: (position: bigint) => void;
}

export interface ReplayCheckResult {
  /** Where the rebuild from position 0 ended. */
  rebuiltTo: bigint;
  comparisons: ProjectionComparison[];
  identical: boolean;
}

// A server keeps projecting while we compare; a few rounds of catching up settle a quiet system.
const COMPARE_ROUNDS = 3;

/**
 * Rebuilds the projections from position 0 into `scratch`, waits until the live ones stand at
 * least as far, brings the scratch to exactly the live checkpoints and compares every document.
 * Throws LiveBehindError when the live projections do not get there within `waitMs`.
 */
export async function replayCheck(options: ReplayCheckOptions): Promise<ReplayCheckResult> {
  const knownEventTypes = options.knownEventTypes ?? new Set(ALL_EVENT_TYPES);
  const rebuiltTo = await rebuildProjections({
    eventStore: options.eventStore, readStore: options.scratch, projections: options.projections, knownEventTypes, onProgress: options.onProgress,
  });
  options.onRebuilt?.(rebuiltTo);
  const livePositions = await awaitLivePositions(options.live, options.projections.map((p) => p.name), rebuiltTo, { timeoutMs: options.waitMs });
  const comparisons: ProjectionComparison[] = [];
  for (const projection of options.projections) {
    comparisons.push(await compareAtLivePosition(options, projection, knownEventTypes, livePositions.get(projection.name) ?? rebuiltTo));
  }
  return { rebuiltTo, comparisons, identical: readModelsIdentical(comparisons) };
}

async function compareAtLivePosition(options: ReplayCheckOptions, projection: Projection, knownEventTypes: ReadonlySet<string>, livePosition: bigint): Promise<ProjectionComparison> {
  let target = livePosition;
  for (let round = 1; ; round++) {
    await catchUpTo({ eventStore: options.eventStore, store: options.scratch, projection, knownEventTypes, to: target });
    const comparison = await compareProjection(options.live, options.scratch, projection);
    const after = (await options.live.getCheckpoint(projection.name))?.position ?? 0n;
    // Settled when the live checkpoint held still through the comparison, at the scratch's position.
    const settled = after === comparison.livePosition && comparison.livePosition === comparison.rebuiltPosition;
    // After the last round a moved checkpoint is reported as a difference: the live model would not hold still.
    if (settled || round === COMPARE_ROUNDS) return comparison;
    target = after;
  }
}
