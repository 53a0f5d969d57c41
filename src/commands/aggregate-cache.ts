import type { EventStore } from '../eventstore/port.js';

/** A stream's state as this process last wrote it, and which fold and snapshot shape produced it. */
export interface CachedAggregate {
  /**
   * The fold that produced `state`: the decider's `evolve`. Deciders sharing it (one told more to
   * decide with, such as the loan's last close) share entries; a lookup by another fold never hits.
   */
  fold: object;
  /** The snapshot version the command ran with (undefined without snapshots). */
  snapshotVersion: number | undefined;
  state: unknown;
  revision: bigint;
  /** Revision of the newest snapshot known to exist, so snapshots keep their interval. */
  snapshotRevision: bigint | null;
  /** Approximate heap bytes `state` holds (SnapshotOptions.weigh); 0 for states without a weigher, which only the count bounds. */
  bytes: number;
}

/** Streams remembered per store, at most. */
export const DEFAULT_AGGREGATE_CACHE_SIZE = 4_096;

/**
 * Approximate heap bytes of states remembered per store, at most. The count alone let a book of
 * long loans hold 4 096 states of ~30 KiB each (120 MiB) in the HTTP thread; a 2 000-loan working
 * set of young loans (~9 KiB each) stays well inside it.
 */
export const DEFAULT_AGGREGATE_CACHE_BYTES = 48 * 1024 * 1024;

/**
 * The states of recently commanded streams, least recently used evicted first, bounded both by
 * count and by their weighed bytes. An entry is only a hint: the pipeline uses it only when the
 * store's revision of the stream still equals the entry's, so an append by another process (or a
 * lost race) makes it reload from the log.
 */
export class AggregateCache {
  private readonly entries = new Map<string, CachedAggregate>();
  private weighed = 0;

  constructor(private readonly capacity = DEFAULT_AGGREGATE_CACHE_SIZE, private readonly maxBytes = DEFAULT_AGGREGATE_CACHE_BYTES) {}

  get size(): number {
    return this.entries.size;
  }

  /** The weighed bytes of the states held now (never above the byte budget). */
  get bytes(): number {
    return this.weighed;
  }

  /** The entry for `streamId` produced by `fold` (a decider's evolve) with the same snapshot shape, whatever its revision. */
  find(streamId: string, fold: object, snapshotVersion: number | undefined): CachedAggregate | null {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return null;
    if (entry.fold !== fold || entry.snapshotVersion !== snapshotVersion) {
      this.forget(streamId);
      return null;
    }
    // Re-inserting moves it to the back of the Map's order: the most recently used end.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry;
  }

  /**
   * Remembers `entry`, evicting least recently used streams until both the count and the byte
   * budget hold; a state weighing more than the whole budget is not kept at all.
   */
  remember(streamId: string, entry: CachedAggregate): void {
    this.forget(streamId);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(streamId, entry);
    this.weighed += entry.bytes;
    while (this.entries.size > this.capacity || this.weighed > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.forget(oldest.value);
    }
  }

  forget(streamId: string): void {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return;
    this.entries.delete(streamId);
    this.weighed -= entry.bytes;
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
