import type { Decider, DomainEvent } from '../domain/decider.js';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';

/** Snapshots: one every `every` events; `version` tags the state shape so a changed shape ignores old ones. */
export interface SnapshotOptions<S> {
  every: number;
  version: number;
  /** For states that are not plain JSON (Decimal, Map): turn them into JSON and back. */
  encode?(state: S): unknown;
  decode?(stored: unknown): S;
  /** Approximate heap bytes a state holds, in O(1): what it costs the aggregate cache's byte budget (without it, only the count bounds it). */
  weigh?(state: S): number;
}

export interface LoadOptions<S> {
  snapshot?: SnapshotOptions<S>;
  /** For a command about to extend the stream: refuse a tail that is not a whole chain to the head (ReadStreamOptions.checkHistory). */
  checkHistory?: boolean;
}

export interface LoadedAggregate<S> {
  state: S;
  /** Revision of the last event folded in; null when the stream does not exist. */
  revision: bigint | null;
  /** Revision of the snapshot the load started from, null when it replayed from the start. */
  snapshotRevision: bigint | null;
}

/** The store holds what deciders wrote; this is the one place a recorded event becomes the decider's type. */
export function asDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  return event as unknown as E;
}

/**
 * Rebuilds a stream's state: from the newest snapshot of the current state version, then only
 * the events after it, so a long stream loads in the time of its tail (time travel, which must
 * filter events by business time, folds the stream itself: see loan-time-travel.ts).
 */
export async function loadAggregate<C, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  options: LoadOptions<S> = {},
): Promise<LoadedAggregate<S>> {
  const start = await startingPoint(store, streamId, decider, options.snapshot);
  // A snapshot at the stream's head leaves no tail to read (one query fewer per command on most loans at a close).
  const tail = start.revision !== null && start.head === start.revision
    ? []
    : await store.readStream(streamId, { fromRevision: start.revision === null ? 0n : start.revision + 1n, ...(options.checkHistory === true ? { checkHistory: true } : {}) });
  let state = start.state;
  for (const event of tail) state = decider.evolve(state, asDomainEvent<E>(event));
  const revision = tail.length > 0 ? tail[tail.length - 1]!.revision : start.revision;
  return { state, revision, snapshotRevision: start.revision };
}

async function startingPoint<C, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  snapshotOptions: SnapshotOptions<S> | undefined,
): Promise<{ state: S; revision: bigint | null; head: bigint | null }> {
  const snapshot = snapshotOptions === undefined ? null : await store.readSnapshot<unknown>(streamId);
  if (snapshot === null || snapshotOptions === undefined || snapshot.version !== snapshotOptions.version) {
    return { state: decider.initialState(), revision: null, head: null };
  }
  const state = snapshotOptions.decode ? snapshotOptions.decode(snapshot.state) : (snapshot.state as S);
  return { state, revision: snapshot.revision, head: snapshot.streamRevision ?? null };
}
