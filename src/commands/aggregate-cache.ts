import type { EventStore } from '../eventstore/port.js';

/** A stream's state as this process last wrote it, and which decider and snapshot shape folded it. */
export interface CachedAggregate {
  /** The decider object that folded `state`; a lookup by another decider never hits. */
  decider: object;
  /** The snapshot version the command ran with (undefined without snapshots). */
  snapshotVersion: number | undefined;
  state: unknown;
  revision: bigint;
  /** Revision of the newest snapshot known to exist, so snapshots keep their interval. */
  snapshotRevision: bigint | null;
}

/** Streams remembered per store. A bound by count, not bytes: a loan with hundreds of payments holds tens of KiB or more. */
export const DEFAULT_AGGREGATE_CACHE_SIZE = 4_096;

/**
 * The states of recently commanded streams, least recently used evicted first. An entry is only
 * a hint: the pipeline uses it only when the store's revision of the stream still equals the
 * entry's, so an append by another process (or a lost race) makes it reload from the log.
 */
export class AggregateCache {
  private readonly entries = new Map<string, CachedAggregate>();

  constructor(private readonly capacity = DEFAULT_AGGREGATE_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size;
  }

  /** The entry for `streamId` folded by `decider` with the same snapshot shape, whatever its revision. */
  find(streamId: string, decider: object, snapshotVersion: number | undefined): CachedAggregate | null {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return null;
    if (entry.decider !== decider || entry.snapshotVersion !== snapshotVersion) {
      this.entries.delete(streamId);
      return null;
    }
    // Re-inserting moves it to the back of the Map's order: the most recently used end.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry;
  }

  /** Remembers `entry`, evicting the least recently used stream beyond capacity. */
  remember(streamId: string, entry: CachedAggregate): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }
}

// Keyed by store, like the stream locks: everything sharing a store shares its cache.
const cachesByStore = new WeakMap<EventStore, AggregateCache>();

/** The aggregate cache of `store` in this process. */
export function aggregateCacheFor(store: EventStore): AggregateCache {
  let cache = cachesByStore.get(store);
  if (cache === undefined) {
    cache = new AggregateCache();
    cachesByStore.set(store, cache);
  }
  return cache;
}
