import type { EventStore } from '../../src/eventstore/port.js';
import { applyAndCommit, applyTarget } from '../../src/projections/apply-batch.js';
import type { Projection } from '../../src/projections/projection.js';
import type { ReadStore } from '../../src/readstore/port.js';

export interface CatchUpOptions {
  eventStore: EventStore;
  store: ReadStore;
  projection: Projection;
  knownEventTypes: ReadonlySet<string>;
  /** Inclusive: the projection ends with its checkpoint exactly here (when the log has reached it). */
  to: bigint;
  batchSize?: number;
}

/**
 * Applies the events after the projection's checkpoint in `store` up to position `to`, committing
 * each page with its checkpoint as the live runner does; returns the position it stopped at.
 */
export async function catchUpTo(options: CatchUpOptions): Promise<bigint> {
  const { eventStore, store, projection, to } = options;
  const batchSize = options.batchSize ?? 1_000;
  const target = applyTarget(projection, { store, eventStore, knownEventTypes: options.knownEventTypes, now: () => new Date() });
  let position = (await store.getCheckpoint(projection.name))?.position ?? 0n;
  while (position < to) {
    const page = (await eventStore.readAll({ fromPosition: position, maxCount: batchSize })).filter((e) => e.position <= to);
    if (page.length === 0) break;
    await applyAndCommit(target, page);
    position = page[page.length - 1]!.position;
  }
  return position;
}
