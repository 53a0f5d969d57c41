import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleCommand } from '../../src/commands/handle-command.js';
import { loadAggregate } from '../../src/commands/load-aggregate.js';
import type { NewEvent } from '../../src/eventstore/port.js';
import type { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { context, counter, temporaryStore, type CounterState } from './counter.js';

const incremented = (by: number, occurredAt = '2026-03-01T10:00:00.000Z'): NewEvent => ({
  type: 'CounterIncremented', data: { by }, occurredAt, actor: { sub: 'system', role: 'system' }, correlationId: 'seed',
});

describe('loadAggregate', () => {
  let store: SqliteEventStore;
  let dispose: () => Promise<void>;
  beforeEach(() => ({ store, dispose } = temporaryStore()));
  afterEach(async () => dispose());

  const run = (by: number, snapshot = { every: 10, version: 1 }) =>
    handleCommand({ store }, { streamId: 'counter-1', decider: counter, command: { type: 'increment', by }, context: context(), snapshot });

  it('gives the same state from a snapshot as from a full replay', async () => {
    for (let i = 1; i <= 37; i++) await run(i);
    const snapshot = await store.readSnapshot<CounterState>('counter-1');
    expect(snapshot?.revision).toBe(29n);
    const fromSnapshot = await loadAggregate(store, 'counter-1', counter, { snapshot: { every: 10, version: 1 } });
    const fullReplay = await loadAggregate(store, 'counter-1', counter);
    expect(fromSnapshot).toEqual({ state: fullReplay.state, revision: 36n, snapshotRevision: 29n });
    expect(fullReplay).toEqual({ state: { count: (37 * 38) / 2, increments: 37 }, revision: 36n, snapshotRevision: null });
  });

  it('loads a 5 000-event stream from its snapshot, reading only the tail', async () => {
    for (let i = 0; i < 5; i++) await store.append('counter-1', Array.from({ length: 998 }, () => incremented(1)), i === 0 ? 'no_stream' : BigInt(i * 998 - 1));
    for (let i = 0; i < 10; i++) await run(2, { every: 100, version: 1 });
    expect((await store.readSnapshot('counter-1'))?.revision).toBe(4_990n);
    const readStream = vi.spyOn(store, 'readStream');
    const loaded = await loadAggregate(store, 'counter-1', counter, { snapshot: { every: 100, version: 1 } });
    expect(readStream).toHaveBeenCalledExactlyOnceWith('counter-1', { fromRevision: 4_991n });
    expect(await readStream.mock.results[0]!.value).toHaveLength(9);
    expect(loaded).toMatchObject({ revision: 4_999n, state: { count: 4_990 + 20, increments: 5_000 } });
  });

  it('reads no tail from a snapshot at the stream\'s head, and the tail once the stream moves past it', async () => {
    for (let i = 1; i <= 10; i++) await run(i);
    expect((await store.readSnapshot('counter-1'))?.revision).toBe(9n);
    const readStream = vi.spyOn(store, 'readStream');
    expect(await loadAggregate(store, 'counter-1', counter, { snapshot: { every: 10, version: 1 } })).toEqual({ state: { count: 55, increments: 10 }, revision: 9n, snapshotRevision: 9n });
    expect(readStream).not.toHaveBeenCalled();
    await store.append('counter-1', [incremented(100)], 9n);
    expect(await loadAggregate(store, 'counter-1', counter, { snapshot: { every: 10, version: 1 } })).toEqual({ state: { count: 155, increments: 11 }, revision: 10n, snapshotRevision: 9n });
    expect(readStream).toHaveBeenCalledExactlyOnceWith('counter-1', { fromRevision: 10n });
  });

  it('ignores a snapshot of another state version and replays from the start', async () => {
    await store.append('counter-1', [incremented(1), incremented(2)], 'no_stream');
    await store.writeSnapshot({ streamId: 'counter-1', revision: 1n, version: 1, state: { total: 'old shape' } });
    const readStream = vi.spyOn(store, 'readStream');
    const loaded = await loadAggregate(store, 'counter-1', counter, { snapshot: { every: 10, version: 2 } });
    expect(readStream).toHaveBeenCalledWith('counter-1', { fromRevision: 0n });
    expect(loaded).toEqual({ state: { count: 3, increments: 2 }, revision: 1n, snapshotRevision: null });
  });

  it('encodes and decodes states that are not plain JSON', async () => {
    const snapshot = {
      every: 1, version: 1,
      encode: (state: CounterState) => ({ count: String(state.count), increments: state.increments }),
      decode: (stored: unknown) => {
        const { count, increments } = stored as { count: string; increments: number };
        return { count: Number(count), increments };
      },
    };
    await handleCommand({ store }, { streamId: 'counter-1', decider: counter, command: { type: 'increment', by: 7 }, context: context(), snapshot });
    expect((await store.readSnapshot('counter-1'))?.state).toEqual({ count: '7', increments: 1 });
    expect((await loadAggregate(store, 'counter-1', counter, { snapshot })).state).toEqual({ count: 7, increments: 1 });
  });
});
