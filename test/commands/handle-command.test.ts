import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleCommand, type CommandDeps } from '../../src/commands/handle-command.js';
import { DomainError } from '../../src/domain/errors.js';
import { ConcurrencyError } from '../../src/eventstore/concurrency-error.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { context, counter, temporaryStore, type CounterCommand } from './counter.js';

describe('handleCommand', () => {
  let store: SqliteEventStore;
  let dispose: () => Promise<void>;
  let deps: CommandDeps;
  beforeEach(() => {
    ({ store, dispose } = temporaryStore());
    deps = { store };
  });
  afterEach(async () => dispose());

  const increment = (by: number, extra: Parameters<typeof context>[0] = {}, streamId = 'counter-1') =>
    handleCommand(deps, { streamId, decider: counter, command: { type: 'increment', by } as CounterCommand, context: context(extra) });

  it('decides, appends at the loaded revision and returns the new state', async () => {
    await increment(2);
    const result = await increment(3, { causationId: 'cause-9' });
    expect(result).toMatchObject({ streamId: 'counter-1', revision: 1n, state: { count: 5, increments: 2 }, replayed: false });
    expect(result.position).toBe(await store.headPosition());
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      type: 'CounterIncremented', data: { by: 3 }, actor: { sub: 'officer-1', role: 'officer' },
      correlationId: 'corr-1', causationId: 'cause-9', occurredAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('decides with the decider deciderFor picks for the loaded state, and folds with the request\'s', async () => {
    await increment(2);
    const seen: unknown[] = [];
    const doubling: typeof counter = { ...counter, decide: (c, s) => counter.decide(c.type === 'increment' ? { ...c, by: c.by * 2 } : c, s) };
    const result = await handleCommand(deps, {
      streamId: 'counter-1', decider: counter, command: { type: 'increment', by: 3 } as CounterCommand, context: context(),
      deciderFor: async (state) => { seen.push(structuredClone(state)); return doubling; },
    });
    expect(seen).toEqual([{ count: 2, increments: 1 }]);
    expect(result.state).toMatchObject({ count: 8, increments: 2 });
  });

  it('queues 20 concurrent commands on one stream in this process, so none conflicts', async () => {
    const append = vi.spyOn(store, 'append');
    const results = await Promise.all(Array.from({ length: 20 }, () => increment(1)));
    expect(results.map((r) => r.revision)).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i)));
    expect(results[19]!.state.count).toBe(20);
    expect(append).toHaveBeenCalledTimes(20);
  });

  it('lands 20 concurrent commands from two store instances on one file by retrying conflicts', async () => {
    const other = SqliteEventStore.open({ path: store.path });
    const appendHere = vi.spyOn(store, 'append');
    const appendThere = vi.spyOn(other, 'append');
    const command = { type: 'increment', by: 1 } as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        handleCommand({ store: i % 2 === 0 ? store : other }, { streamId: 'counter-1', decider: counter, command, context: context() }),
      ),
    );
    await other.close();
    expect(results.map((r) => r.revision).sort((a, b) => Number(a - b))).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i)));
    expect(results.find((r) => r.revision === 19n)?.state.count).toBe(20);
    // More appends than commands: some attempts conflicted across the two writers and were retried.
    expect(appendHere.mock.calls.length + appendThere.mock.calls.length).toBeGreaterThan(20);
  });

  it('surfaces the conflict after 5 jittered retries', async () => {
    const append = vi.spyOn(store, 'append').mockRejectedValue(new ConcurrencyError('counter-1', 'no_stream', 0n));
    const delays: number[] = [];
    deps = { store, retry: { sleep: async (ms) => void delays.push(ms), random: () => 0.5 } };
    await expect(increment(1)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(append).toHaveBeenCalledTimes(6);
    expect(delays).toEqual([2.5, 5, 10, 20, 40]);
  });

  it('does not retry errors that are not conflicts', async () => {
    const append = vi.spyOn(store, 'append').mockRejectedValue(new Error('disk full'));
    await expect(increment(1)).rejects.toThrow('disk full');
    expect(append).toHaveBeenCalledTimes(1);
  });

  it('passes a business rule refusal through and appends nothing', async () => {
    await expect(increment(2_000_000)).rejects.toMatchObject({ code: 'COUNTER_LIMIT', kind: 'rule' });
    expect(await store.streamRevision('counter-1')).toBeNull();
  });

  describe('If-Match', () => {
    it('refuses a stale revision at once, without retrying', async () => {
      await increment(1);
      await increment(1);
      const append = vi.spyOn(store, 'append');
      const error = await increment(1, { expectedRevision: 0n }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: 'counter-1', expected: 0n, actual: 1n });
      expect(append).not.toHaveBeenCalled();
    });

    it('does not retry a conflict at append time either', async () => {
      await increment(1);
      const append = vi.spyOn(store, 'append').mockRejectedValue(new ConcurrencyError('counter-1', 0n, 1n));
      await expect(increment(1, { expectedRevision: 0n })).rejects.toBeInstanceOf(ConcurrencyError);
      expect(append).toHaveBeenCalledTimes(1);
    });

    it('appends when the revision matches', async () => {
      await increment(1);
      expect((await increment(1, { expectedRevision: 0n })).revision).toBe(1n);
    });
  });

  describe('idempotency', () => {
    it('answers a repeated request with the first result without running it again', async () => {
      const first = await increment(5, { idempotencyKey: 'k-1' });
      await increment(1);
      const again = await increment(5, { idempotencyKey: 'k-1' });
      expect(again).toMatchObject({ streamId: 'counter-1', revision: first.revision, position: first.position, events: [], replayed: true });
      expect(again.state.count).toBe(6);
      expect(await store.streamRevision('counter-1')).toBe(1n);
      expect(await store.findIdempotency('officer-1:k-1')).toMatchObject({ streamId: 'counter-1', revision: 0n });
    });

    it('refuses the same key with a different request', async () => {
      await increment(5, { idempotencyKey: 'k-1' });
      const error = await increment(6, { idempotencyKey: 'k-1' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', kind: 'rule' });
      expect(await store.streamRevision('counter-1')).toBe(0n);
    });

    it('compares the caller-supplied request hash when given', async () => {
      await increment(5, { idempotencyKey: 'k-1', requestHash: 'body-a' });
      await expect(increment(5, { idempotencyKey: 'k-1', requestHash: 'body-b' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    });

    it('scopes keys by actor', async () => {
      await increment(5, { idempotencyKey: 'k-1' });
      const other = await increment(5, { idempotencyKey: 'k-1', actor: { sub: 'officer-2', role: 'officer' } });
      expect(other).toMatchObject({ revision: 1n, replayed: false });
    });

    it('answers two racing retries of one request with one result', async () => {
      const [a, b] = await Promise.all([
        increment(5, { idempotencyKey: 'k-race' }, 'counter-a'),
        increment(5, { idempotencyKey: 'k-race' }, 'counter-b'),
      ]);
      expect(a!.streamId).toBe('counter-a');
      expect(b).toMatchObject({ streamId: 'counter-a', revision: a!.revision, position: a!.position, replayed: true });
      expect(await store.streamRevision('counter-b')).toBeNull();
    });
  });

  describe('a decision with no events', () => {
    it('returns the current revision and position', async () => {
      const last = await increment(4);
      const result = await handleCommand(deps, { streamId: 'counter-1', decider: counter, command: { type: 'touch' }, context: context() });
      expect(result).toMatchObject({ revision: last.revision, position: last.position, events: [], state: { count: 4 } });
      expect(await store.streamRevision('counter-1')).toBe(0n);
    });

    it('on an empty stream returns revision -1 and position 0', async () => {
      const result = await handleCommand(deps, { streamId: 'counter-9', decider: counter, command: { type: 'touch' }, context: context() });
      expect(result).toMatchObject({ revision: -1n, position: 0n, events: [] });
    });
  });

  it('reports a failed snapshot write but still answers the committed command', async () => {
    vi.spyOn(store, 'writeSnapshot').mockRejectedValue(new Error('snapshot table locked'));
    const failures: unknown[] = [];
    deps = { store, onSnapshotFailure: (_streamId, error) => failures.push(error) };
    const result = await handleCommand(deps, {
      streamId: 'counter-1', decider: counter, command: { type: 'increment', by: 1 }, context: context(), snapshot: { every: 1, version: 1 },
    });
    expect(result.revision).toBe(0n);
    expect(failures).toEqual([new Error('snapshot table locked')]);
  });
});
