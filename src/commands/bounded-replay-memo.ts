import type { MemoStore, ReplayMemo } from '../domain/loan/replay-memo.js';

/** Replays of fewer facts than this are not kept: a short replay costs about what its key does. */
export const MEMO_MIN_FACTS = 32;
/** Replays (and, apart, owed-penalty decisions) kept at most, least recently used dropped first. */
export const MEMO_ENTRIES = 16;

/** A map of at most `capacity` entries: a hit makes its entry the most recently used; an entry set beyond it drops the least recently used. */
class LeastRecentlyUsed<V> implements MemoStore<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const found = this.entries.get(key);
    if (found === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found;
  }

  set(key: string, value: V): void {
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * A replay memo (domain/loan/replay-memo.ts) keeping histories of at least `minFacts` facts (null:
 * none), MEMO_ENTRIES replays, MEMO_ENTRIES owed-penalty decisions and MEMO_ENTRIES installments timelines,
 * least recently used dropped first.
 */
export function boundedReplayMemo(minFacts: number | null = MEMO_MIN_FACTS): ReplayMemo {
  return { minFacts, replays: new LeastRecentlyUsed(MEMO_ENTRIES), penalties: new LeastRecentlyUsed(MEMO_ENTRIES), timelines: new LeastRecentlyUsed(MEMO_ENTRIES) };
}

/**
 * The memo this process's commands, loan loads, queries and projections share (QA 10 R9: one
 * request on a long loan replayed the same facts for its check, its decision, the fold of its event,
 * each load and the transactions read). The domain keeps none: it is passed in.
 */
export const processReplayMemo: ReplayMemo = boundedReplayMemo();
