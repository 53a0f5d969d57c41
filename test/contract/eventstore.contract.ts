import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import { ConcurrencyError } from '../../src/eventstore/concurrency-error.js';
import { CURRENT_HASH_VERSION, GENESIS_HASH, verifyChain } from '../../src/eventstore/hash-chain.js';
import { encodeJson, recordedEventToJson } from '../../src/eventstore/json-codec.js';
import type { PageStats } from '../../src/eventstore/paged-subscription.js';
import type { EventStore, ExpectedRevision, NewEvent, RecordedEvent, Subscription } from '../../src/eventstore/port.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';

export interface ContractStore {
  store: EventStore;
  cleanup(): Promise<void>;
  /** Changes the stored payload of one event behind the store's back. */
  tamper?(streamId: string, revision: bigint): Promise<void>;
  /** How much a subscription holds, when the adapter can tell (proves paging). */
  subscriptionStats?(subscription: Subscription): PageStats;
}

export type ContractFactory = (options?: { upcasters?: Upcasters }) => Promise<ContractStore>;

const clerk: Actor = { sub: 'officer-1', role: 'officer' };

function noted(n: number, extra: Partial<NewEvent> = {}): NewEvent {
  return { type: 'TestNoted', data: { n, note: `note ${n}` }, occurredAt: '2026-01-02T03:04:05.000Z', actor: clerk, correlationId: `corr-${n}`, ...extra };
}

function range(count: number, from = 0): NewEvent[] {
  return Array.from({ length: count }, (_, i) => noted(from + i));
}

/** Takes `count` events without closing the subscription (a for-await `break` would close it). */
async function take(subscription: Subscription, count: number): Promise<RecordedEvent[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done === true) break;
    taken.push(next.value);
  }
  return taken;
}

async function conflictOf(promise: Promise<unknown>): Promise<ConcurrencyError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConcurrencyError);
  return error as ConcurrencyError;
}

/** Registers the behaviour every EventStore adapter must show; `factory` gives a fresh, empty store. */
export function eventStoreContract(name: string, factory: ContractFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let ctx: ContractStore;
    let store: EventStore;
    beforeEach(async () => {
      ctx = await factory();
      store = ctx.store;
    });
    afterEach(async () => ctx.cleanup());

    describe('append and read', () => {
      it('round-trips the full envelope', async () => {
        const eventId = '01890a5d-ac96-774b-bcce-b302099a8057';
        const result = await store.append('loan-1', [
          noted(1, { eventId, causationId: 'cause-1', idempotencyKey: 'key-1' }),
          noted(2),
        ], 'no_stream');
        const read = await store.readStream('loan-1');
        expect(read).toEqual(result.events);
        const [first, second] = read as [RecordedEvent, RecordedEvent];
        expect(first).toMatchObject({
          eventId, type: 'TestNoted', schemaVersion: 1, streamId: 'loan-1', revision: 0n, occurredAt: '2026-01-02T03:04:05.000Z',
          actor: clerk, correlationId: 'corr-1', causationId: 'cause-1', idempotencyKey: 'key-1', prevHash: GENESIS_HASH, data: { n: 1, note: 'note 1' },
        });
        expect(second).toMatchObject({ revision: 1n, causationId: null, idempotencyKey: null, prevHash: first.hash });
        expect(second.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(second.position).toBeGreaterThan(first.position);
        expect(new Date(first.recordedAt).toISOString()).toBe(first.recordedAt);
        expect(result).toMatchObject({ streamId: 'loan-1', revision: 1n, position: second.position });
        expect(typeof first.position).toBe('bigint');
      });

      it('reads nothing from a stream that does not exist', async () => {
        expect(await store.readStream('loan-none')).toEqual([]);
        expect(await store.streamRevision('loan-none')).toBeNull();
      });

      it('refuses an empty batch', async () => {
        await expect(store.append('loan-1', [], 'any')).rejects.toThrow(/at least one event/);
      });
    });

    describe('expected revision', () => {
      const cases: { expected: ExpectedRevision; existing: number; ok: boolean; actual: bigint | null }[] = [
        { expected: 'no_stream', existing: 0, ok: true, actual: null },
        { expected: 'no_stream', existing: 1, ok: false, actual: 0n },
        { expected: 'stream_exists', existing: 0, ok: false, actual: null },
        { expected: 'stream_exists', existing: 2, ok: true, actual: 1n },
        { expected: 'any', existing: 0, ok: true, actual: null },
        { expected: 'any', existing: 3, ok: true, actual: 2n },
        { expected: 1n, existing: 2, ok: true, actual: 1n },
        { expected: 0n, existing: 2, ok: false, actual: 1n },
        { expected: 0n, existing: 0, ok: false, actual: null },
      ];
      for (const { expected, existing, ok, actual } of cases) {
        it(`${String(expected)} on a stream of ${existing} events ${ok ? 'appends' : 'conflicts'}`, async () => {
          if (existing > 0) await store.append('loan-x', range(existing), 'no_stream');
          const attempt = store.append('loan-x', [noted(99)], expected);
          if (ok) {
            expect((await attempt).revision).toBe(BigInt(existing));
          } else {
            const error = await conflictOf(attempt);
            expect(error).toMatchObject({ streamId: 'loan-x', expected, actual, code: 'CONCURRENCY_CONFLICT' });
            expect(await store.streamRevision('loan-x')).toBe(actual);
          }
        });
      }

      it('writes all of a batch or none of it', async () => {
        await store.append('loan-a', range(2), 'no_stream');
        await conflictOf(store.append('loan-a', range(3, 10), 'no_stream'));
        await expect(store.append('loan-a', [noted(20), { ...noted(21), schemaVersion: 7 }], 1n)).rejects.toThrow(/v7/);
        expect((await store.readStream('loan-a')).map((e) => e.data)).toEqual([{ n: 0, note: 'note 0' }, { n: 1, note: 'note 1' }]);
        expect(await store.readAll()).toHaveLength(2);
      });

      it('lets exactly one of two writers with the same expectation win', async () => {
        await store.append('loan-r', range(1), 'no_stream');
        const outcomes = await Promise.allSettled([store.append('loan-r', [noted(1)], 0n), store.append('loan-r', [noted(2)], 0n)]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.find((o) => o.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream('loan-r')).toHaveLength(2);
      });

      it('loses and doubles nothing with 20 retrying writers on one stream', async () => {
        const writer = async (n: number): Promise<void> => {
          for (;;) {
            const revision = await store.streamRevision('loan-busy');
            try {
              await store.append('loan-busy', [noted(n)], revision ?? 'no_stream');
              return;
            } catch (error) {
              if (!(error instanceof ConcurrencyError)) throw error;
            }
          }
        };
        await Promise.all(Array.from({ length: 20 }, (_, n) => writer(n)));
        const events = await store.readStream('loan-busy');
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i)));
        expect(events.map((e) => (e.data as { n: number }).n).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      });
    });

    describe('idempotent re-append', () => {
      it('returns the first result when the same event ids come again', async () => {
        const batch = [noted(1, { eventId: '01890a5d-ac96-774b-bcce-b302099a8001' }), noted(2, { eventId: '01890a5d-ac96-774b-bcce-b302099a8002' })];
        const first = await store.append('loan-i', batch, 'no_stream');
        await store.append('loan-i', [noted(3)], 1n);
        const again = await store.append('loan-i', batch, 'no_stream');
        expect(again).toEqual(first);
        expect(await store.readStream('loan-i')).toHaveLength(3);
      });

      it('refuses a batch that reuses some stored event ids for new events', async () => {
        await store.append('loan-i', [noted(1, { eventId: '01890a5d-ac96-774b-bcce-b302099a8001' })], 'no_stream');
        await expect(store.append('loan-i', [noted(1, { eventId: '01890a5d-ac96-774b-bcce-b302099a8001' }), noted(2)], 'any'))
          .rejects.toMatchObject({ code: 'EVENT_ID_REUSED' });
        await expect(store.append('loan-other', [noted(1, { eventId: '01890a5d-ac96-774b-bcce-b302099a8001' })], 'any'))
          .rejects.toMatchObject({ code: 'EVENT_ID_REUSED' });
        expect(await store.readAll()).toHaveLength(1);
      });
    });

    describe('global order', () => {
      it('orders all streams by position; fromPosition is exclusive', async () => {
        expect(await store.headPosition()).toBe(0n);
        await store.append('loan-1', range(2), 'no_stream');
        await store.append('loan-2', range(2, 2), 'no_stream');
        await store.append('loan-1', range(1, 4), 1n);
        const all = await store.readAll();
        expect(all.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
        const positions = all.map((e) => e.position);
        positions.slice(1).forEach((p, i) => expect(p).toBeGreaterThan(positions[i]!));
        expect(await store.headPosition()).toBe(positions[4]);
        const after = await store.readAll({ fromPosition: positions[1], maxCount: 2 });
        expect(after.map((e) => e.position)).toEqual([positions[2], positions[3]]);
        expect(await store.readAll({ fromPosition: positions[4] })).toEqual([]);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, goes live, and resumes from a checkpoint', async () => {
        await store.append('loan-s', range(2), 'no_stream');
        const subscription = store.subscribeToAll();
        const caughtUp = await take(subscription, 2);
        const live = take(subscription, 1);
        await store.append('loan-s', [noted(2)], 1n);
        const [liveEvent] = await live;
        expect(liveEvent?.data).toEqual({ n: 2, note: 'note 2' });
        await subscription.close();

        const resumed = store.subscribeToAll({ fromPosition: caughtUp[1]!.position });
        expect((await take(resumed, 1))[0]?.eventId).toBe(liveEvent?.eventId);
        await resumed.close();
      });

      it('ends iteration when closed while waiting for events', async () => {
        const subscription = store.subscribeToAll();
        const waiting = take(subscription, 1);
        await subscription.close();
        expect(await waiting).toEqual([]);
      });

      it('holds at most a page for a slow consumer, not the whole log', async ({ skip }) => {
        if (ctx.subscriptionStats === undefined) skip();
        for (let i = 0; i < 5; i++) await store.append(`loan-${i}`, range(1_000), 'no_stream');
        const subscription = store.subscribeToAll();
        await take(subscription, 1);
        const stats = ctx.subscriptionStats!(subscription);
        expect(stats.pagesRead).toBe(1);
        expect(stats.buffered).toBeLessThan(4_999);
        await subscription.close();
      });
    });

    describe('a large stream', () => {
      it('reads 10 000 events in order, forwards and backwards, with maxCount', async () => {
        for (let i = 0; i < 10; i++) await store.append('loan-big', range(1_000, i * 1_000), i === 0 ? 'no_stream' : BigInt(i * 1_000 - 1));
        const all = await store.readStream('loan-big');
        expect(all).toHaveLength(10_000);
        all.forEach((event, i) => expect(event.revision).toBe(BigInt(i)));
        const middle = await store.readStream('loan-big', { fromRevision: 5_000n, maxCount: 3 });
        expect(middle.map((e) => e.revision)).toEqual([5_000n, 5_001n, 5_002n]);
        const newest = await store.readStream('loan-big', { direction: 'backwards', maxCount: 2 });
        expect(newest.map((e) => e.revision)).toEqual([9_999n, 9_998n]);
        const before = await store.readStream('loan-big', { direction: 'backwards', fromRevision: 100n, maxCount: 2 });
        expect(before.map((e) => e.revision)).toEqual([100n, 99n]);
        expect(await store.streamRevision('loan-big')).toBe(9_999n);
      });
    });

    describe('JSON', () => {
      it('encodes positions and revisions past 2^53 as exact decimal strings', async () => {
        const { events } = await store.append('loan-j', [noted(1)], 'no_stream');
        const huge = { ...events[0]!, position: 2n ** 53n + 1n, revision: 2n ** 60n + 3n };
        const json = recordedEventToJson(huge);
        expect(json.position).toBe('9007199254740993');
        expect(json.revision).toBe('1152921504606846979');
        expect(JSON.parse(encodeJson({ at: huge.position })) as unknown).toEqual({ at: '9007199254740993' });
      });
    });

    describe('hash chain', () => {
      it('chains every stream and verifies clean', async () => {
        await store.append('loan-h', range(3), 'no_stream');
        await store.append('customer-h', range(2), 'no_stream');
        const events = await store.readStream('loan-h');
        expect(events.map((e) => e.prevHash)).toEqual([GENESIS_HASH, events[0]!.hash, events[1]!.hash]);
        // Every append is hashed at the current version: its hash covers the whole envelope read back.
        expect(verifyChain(events.map((event) => ({ ...event, hashVersion: CURRENT_HASH_VERSION })))).toBeNull();
        expect(await store.verifyStreams()).toEqual({ streams: 2, events: 5, broken: [] });
      });

      it('names a tampered event', async ({ skip }) => {
        if (ctx.tamper === undefined) skip();
        await store.append('loan-h', range(3), 'no_stream');
        await store.append('customer-h', range(2), 'no_stream');
        const victim = (await store.readStream('loan-h'))[1]!;
        await ctx.tamper!('loan-h', 1n);
        const report = await store.verifyStreams();
        expect(report.broken).toEqual([{ streamId: 'loan-h', revision: 1n, eventId: victim.eventId, reason: 'hash_mismatch' }]);
      });
    });

    describe('snapshots and idempotency records', () => {
      it('round-trips a snapshot and replaces it', async () => {
        expect(await store.readSnapshot('loan-1')).toBeNull();
        await store.append('loan-1', range(20), 'no_stream');
        await store.writeSnapshot({ streamId: 'loan-1', revision: 9n, version: 2, state: { balance: '10.00', rows: [{ n: 1 }] } });
        await store.writeSnapshot({ streamId: 'loan-1', revision: 19n, version: 2, state: { balance: '5.00', rows: [] } });
        const { streamRevision, ...snapshot } = (await store.readSnapshot('loan-1'))!;
        expect(snapshot).toEqual({ streamId: 'loan-1', revision: 19n, version: 2, state: { balance: '5.00', rows: [] } });
        // Where an adapter reads the stream's revision with the snapshot, it is the revision then: a load reads no tail at the head.
        if (streamRevision !== undefined) expect(streamRevision).toBe(19n);
        await store.writeSnapshot({ streamId: 'loan-1', revision: 9n, version: 2, state: { balance: '10.00', rows: [] } });
        await store.append('loan-1', range(2), 19n);
        const behind = await store.readSnapshot('loan-1');
        expect(behind?.revision).toBe(9n);
        if (behind?.streamRevision !== undefined) expect(behind.streamRevision).toBe(21n);
      });

      it('stores the idempotency record with the append', async () => {
        expect(await store.findIdempotency('officer-1:k1')).toBeNull();
        const result = await store.append('loan-k', range(2), 'no_stream', { idempotency: { key: 'officer-1:k1', requestHash: 'h1' } });
        expect(await store.findIdempotency('officer-1:k1')).toEqual({
          key: 'officer-1:k1', requestHash: 'h1', streamId: 'loan-k', revision: result.revision, position: result.position,
        });
      });

      it('keeps record keys opaque: keys alike but for a ":" or an escape are separate records, each found as written (QA 12 Q7)', async () => {
        const keys = ['officer-olga:x:k1', 'officer-olga%3Ax:k1', 'officer-olga%253Ax:k1'];
        for (const [n, key] of keys.entries()) await store.append(`loan-q${n}`, range(1), 'no_stream', { idempotency: { key, requestHash: `h${n}` } });
        for (const [n, key] of keys.entries()) expect(await store.findIdempotency(key)).toMatchObject({ key, requestHash: `h${n}`, streamId: `loan-q${n}` });
        expect(await store.findIdempotency('officer-olga:x%3Ak1')).toBeNull();
      });
    });
  });

  describe(`EventStore contract: ${name}, upcasting`, () => {
    let ctx: ContractStore;
    beforeEach(async () => {
      // A real v1→v2 change: v2 added `tags`, and old events read as having none.
      const upcasters = new Upcasters().register('TestNoted', 1, (data) => ({ ...(data as object), tags: [] }));
      ctx = await factory({ upcasters });
    });
    afterEach(async () => ctx.cleanup());

    it('stores v1 as written and hands out v2 on every read path', async () => {
      const { store } = ctx;
      const appended = await store.append('loan-u', [{ ...noted(1), schemaVersion: 1 }, { ...noted(2), data: { n: 2, note: 'v2', tags: ['x'] } }], 'no_stream');
      const expected = [{ n: 1, note: 'note 1', tags: [] }, { n: 2, note: 'v2', tags: ['x'] }];
      const subscription = store.subscribeToAll();
      const paths = [appended.events, await store.readStream('loan-u'), await store.readAll(), await take(subscription, 2)];
      await subscription.close();
      for (const events of paths) {
        expect(events.map((e) => e.data)).toEqual(expected);
        expect(events.map((e) => e.schemaVersion)).toEqual([2, 2]);
      }
      // The chain covers the payload as stored (v1), so upcasting never breaks verification.
      expect((await store.verifyStreams()).broken).toEqual([]);
    });
  });
}
