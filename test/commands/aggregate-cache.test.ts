import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AggregateCache, aggregateCacheFor } from '../../src/commands/aggregate-cache.js';
import { handleCommand } from '../../src/commands/handle-command.js';
import { ConcurrencyError } from '../../src/eventstore/concurrency-error.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { context, counter, temporaryStore, type CounterCommand, type CounterState } from './counter.js';

const entry = (revision: bigint, fold: object = counter.evolve, bytes = 0) => ({ fold, snapshotVersion: undefined, state: { count: Number(revision) }, revision, snapshotRevision: null, bytes });

describe('AggregateCache', () => {
  it('evicts the least recently used stream beyond its capacity', () => {
    const cache = new AggregateCache(2);
    cache.remember('a', entry(0n));
    cache.remember('b', entry(1n));
    expect(cache.find('a', counter.evolve, undefined)?.revision).toBe(0n); // a is now the most recent
    cache.remember('c', entry(2n));
    expect(cache.size).toBe(2);
    expect(cache.find('b', counter.evolve, undefined)).toBeNull();
    expect(cache.find('a', counter.evolve, undefined)?.revision).toBe(0n);
    expect(cache.find('c', counter.evolve, undefined)?.revision).toBe(2n);
  });

  it('evicts the least recently used streams until the weighed bytes fit the budget', () => {
    const cache = new AggregateCache(100, 1_000);
    cache.remember('a', entry(0n, counter.evolve, 400));
    cache.remember('b', entry(1n, counter.evolve, 400));
    expect(cache.find('a', counter.evolve, undefined)).not.toBeNull(); // a is now the most recent
    cache.remember('c', entry(2n, counter.evolve, 400));
    expect(cache.bytes).toBe(800);
    expect(cache.find('b', counter.evolve, undefined)).toBeNull();
    cache.remember('c', entry(3n, counter.evolve, 900)); // c grew: a goes to make room
    expect(cache.bytes).toBe(900);
    expect(cache.find('a', counter.evolve, undefined)).toBeNull();
    expect(cache.find('c', counter.evolve, undefined)?.revision).toBe(3n);
  });

  it('keeps no state heavier than the whole budget, and frees what it forgets', () => {
    const cache = new AggregateCache(100, 1_000);
    cache.remember('a', entry(0n, counter.evolve, 600));
    cache.remember('a', entry(1n, counter.evolve, 1_001));
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
    cache.remember('b', entry(2n, counter.evolve, 300));
    cache.forget('b');
    expect(cache.bytes).toBe(0);
  });

  it('holds the byte budget over any sequence of remembers and forgets', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 0, max: 1_500 }), fc.boolean())), (steps) => {
        const cache = new AggregateCache(3, 1_000);
        const held = new Map<string, number>();
        for (const [stream, bytes, forget] of steps) {
          if (forget) cache.forget(stream);
          else cache.remember(stream, entry(0n, counter.evolve, bytes));
          expect(cache.bytes).toBeLessThanOrEqual(1_000);
          expect(cache.size).toBeLessThanOrEqual(3);
        }
        // The running total is the sum of what is actually held.
        for (const stream of ['a', 'b', 'c', 'd', 'e']) {
          const found = cache.find(stream, counter.evolve, undefined);
          if (found) held.set(stream, found.bytes);
        }
        expect(cache.bytes).toBe([...held.values()].reduce((sum, b) => sum + b, 0));
      }),
    );
  });

  it('never hands a state to another fold or snapshot shape, and drops it', () => {
    const cache = new AggregateCache();
    cache.remember('a', entry(0n));
    expect(cache.find('a', (state: unknown) => state, undefined)).toBeNull();
    expect(cache.size).toBe(0);
    cache.remember('a', entry(0n));
    expect(cache.find('a', counter.evolve, 1)).toBeNull();
    expect(cache.size).toBe(0);
  });
});

describe('handleCommand with the aggregate cache', () => {
  let store: SqliteEventStore;
  let dispose: () => Promise<void>;
  beforeEach(() => ({ store, dispose } = temporaryStore()));
  afterEach(async () => dispose());

  const increment = (target: SqliteEventStore, by: number) =>
    handleCommand({ store: target }, { streamId: 'counter-1', decider: counter, command: { type: 'increment', by } as CounterCommand, context: context() });

  it('decides the next command on a hot stream without reading its events again', async () => {
    await increment(store, 1);
    const readStream = vi.spyOn(store, 'readStream');
    const readSnapshot = vi.spyOn(store, 'readSnapshot');
    const result = await increment(store, 2);
    expect(result.state).toEqual({ count: 3, increments: 2 });
    expect(readStream).not.toHaveBeenCalled();
    expect(readSnapshot).not.toHaveBeenCalled();
  });

  it('hits for a decider that shares the fold but decides with more context (the loan decider told its last close)', async () => {
    await increment(store, 1);
    const readStream = vi.spyOn(store, 'readStream');
    const readSnapshot = vi.spyOn(store, 'readSnapshot');
    const told = { ...counter, decide: (command: CounterCommand, state: Parameters<typeof counter.decide>[1]) => counter.decide(command, state) };
    const result = await handleCommand({ store }, { streamId: 'counter-1', decider: told, command: { type: 'increment', by: 2 }, context: context() });
    expect(result.state).toEqual({ count: 3, increments: 2 });
    expect(readStream).not.toHaveBeenCalled();
    expect(readSnapshot).not.toHaveBeenCalled();
  });

  it('charges each remembered state to the byte budget by the snapshot options\' weigher', async () => {
    const snapshot = { every: 100, version: 1, weigh: (state: CounterState) => 1_000 + state.count };
    const cache = aggregateCacheFor(store);
    await handleCommand({ store }, { streamId: 'counter-w', decider: counter, command: { type: 'increment', by: 5 }, context: context(), snapshot });
    expect(cache.bytes).toBe(1_005);
    await handleCommand({ store }, { streamId: 'counter-w', decider: counter, command: { type: 'increment', by: 2 }, context: context(), snapshot });
    expect(cache.bytes).toBe(1_007);
  });

  it('reloads when another process appended to the stream since', async () => {
    await increment(store, 1);
    const other = SqliteEventStore.open({ path: store.path });
    try {
      await increment(other, 10);
    } finally {
      await other.close();
    }
    const append = vi.spyOn(store, 'append');
    const result = await increment(store, 100);
    expect(result).toMatchObject({ revision: 2n, state: { count: 111, increments: 3 } });
    expect(append).toHaveBeenCalledTimes(1); // decided on the fresh state: no conflict, no retry
  });

  it('forgets a state whose append failed, so the next command loads the log', async () => {
    await increment(store, 1);
    vi.spyOn(store, 'append').mockRejectedValueOnce(new Error('disk full'));
    await expect(increment(store, 2)).rejects.toThrow('disk full');
    const readStream = vi.spyOn(store, 'readStream');
    const result = await increment(store, 4);
    expect(result.state).toEqual({ count: 5, increments: 2 });
    expect(readStream).toHaveBeenCalled();
  });

  it('recovers through a retry when a stale revision slips past the check', async () => {
    await increment(store, 1);
    // The store moved between the revision check and the append: the append's own check refuses.
    vi.spyOn(store, 'append').mockRejectedValueOnce(new ConcurrencyError('counter-1', 0n, 1n));
    const result = await increment(store, 2);
    expect(result).toMatchObject({ revision: 1n, state: { count: 3, increments: 2 } });
  });

  it('keeps writing snapshots at their interval from cached states', async () => {
    const snapshot = { every: 3, version: 1 };
    const write = vi.spyOn(store, 'writeSnapshot');
    for (let i = 0; i < 7; i++) {
      await handleCommand({ store }, { streamId: 'counter-1', decider: counter, command: { type: 'increment', by: 1 }, context: context(), snapshot });
    }
    expect(write.mock.calls.map(([s]) => s.revision)).toEqual([2n, 5n]);
  });
});
