import type { Decider, DomainEvent } from '../domain/decider.js';
import type { EventStore } from '../eventstore/port.js';
import type { AggregateCache } from './aggregate-cache.js';
import { loadAggregate, type LoadedAggregate, type SnapshotOptions } from './load-aggregate.js';

/**
 * The stream's current state for deciding a command: the cached state when the store's revision
 * of the stream (an O(1) lookup) still equals the cached one, else a load from snapshot and log.
 * Either way the append checks the revision again, so a stale state can never be written over.
 * A load checks the events it folds against the stream's chain and head (409 STREAM_HISTORY_BROKEN),
 * so no command decides on, or chains onto, a history edited behind the store's back.
 */
export async function loadForCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  cache: AggregateCache,
  streamId: string,
  decider: Decider<C, E, S>,
  snapshot: SnapshotOptions<S> | undefined,
): Promise<LoadedAggregate<S>> {
  const cached = cache.find(streamId, decider.evolve, snapshot?.version);
  if (cached !== null) {
    if ((await store.streamRevision(streamId)) === cached.revision) {
      return { state: cached.state as S, revision: cached.revision, snapshotRevision: cached.snapshotRevision };
    }
    // Another process (or a command that failed after its append) moved the stream.
    cache.forget(streamId);
  }
  return loadAggregate(store, streamId, decider, { snapshot, checkHistory: true });
}
