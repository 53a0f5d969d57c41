import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import { ConcurrencyError } from '../../src/eventstore/concurrency-error.js';
import { IdempotencyKeyTaken } from '../../src/eventstore/idempotency.js';
import { PagedSubscription } from '../../src/eventstore/paged-subscription.js';
import type { NewEvent, RecordedEvent } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { openEventLogDatabase } from '../../src/eventstore/sqlite-schema.js';
import { eventStoreContract } from './eventstore.contract.js';

const temporaryFolders: string[] = [];
function temporaryLog(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lendcore-es-'));
  temporaryFolders.push(folder);
  return join(folder, 'nested', 'events.db');
}
afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tamperData(path: string, streamId: string, revision: bigint): void {
  const raw = new Database(path);
  raw.prepare(`UPDATE events SET data = json_set(data, '$.note', 'forged') WHERE stream_id = ? AND revision = ?`).run(streamId, revision);
  raw.close();
}

eventStoreContract('sqlite', async (options) => {
  const path = temporaryLog();
  const store = SqliteEventStore.open({ path, upcasters: options?.upcasters });
  return {
    store,
    cleanup: () => store.close(),
    tamper: async (streamId, revision) => tamperData(path, streamId, revision),
    subscriptionStats: (subscription) => {
      if (!(subscription instanceof PagedSubscription)) throw new Error('sqlite subscriptions are paged');
      return subscription.stats;
    },
  };
});

const clerk: Actor = { sub: 'officer-1', role: 'officer' };
const noted = (n: number): NewEvent => ({ type: 'TestNoted', data: { n, note: `note ${n}` }, occurredAt: '2026-01-02T00:00:00.000Z', actor: clerk, correlationId: 'c' });

describe('SqliteEventStore', () => {
  let path: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    path = temporaryLog();
    store = SqliteEventStore.open({ path });
  });
  afterEach(async () => store.close());

  it('names the event whose row was edited with raw SQL', async () => {
    await store.append('loan-1', [noted(0), noted(1), noted(2)], 'no_stream');
    const victim = (await store.readStream('loan-1'))[2]!;
    tamperData(path, 'loan-1', 2n);
    expect((await store.readStream('loan-1'))[2]!.data).toEqual({ n: 2, note: 'forged' });
    expect((await store.verifyStreams()).broken).toEqual([{ streamId: 'loan-1', revision: 2n, eventId: victim.eventId, reason: 'hash_mismatch' }]);
  });

  it('writes a snapshot without waiting for the disk, and leaves the log\'s own commits at FULL', async () => {
    await store.append('loan-s', [noted(0), noted(1)], 'no_stream');
    await store.writeSnapshot({ streamId: 'loan-s', revision: 1n, version: 1, state: { n: 1 } });
    expect((await store.readSnapshot('loan-s'))?.state).toEqual({ n: 1 });
    const synchronous = (store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true });
    expect(synchronous).toBe(2n); // FULL (integers come out as bigint on the log's connection)
    await store.append('loan-s', [noted(2)], 1n);
    expect((await store.readStream('loan-s')).length).toBe(3);
  });

  it('commits appends of one tick in one transaction, each checked on its own', async () => {
    await store.append('loan-c', [noted(0)], 'no_stream');
    const before = store.commitStats;
    const outcomes = await Promise.allSettled([
      store.append('loan-a', [noted(1)], 'no_stream'),
      store.append('loan-c', [noted(2)], 'no_stream'),
      store.append('loan-b', [noted(3)], 'no_stream'),
      store.append('loan-c', [noted(4)], 0n),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect(store.commitStats).toEqual({ transactions: before.transactions + 1, appends: before.appends + 3 });
    expect((await store.readStream('loan-c')).map((e) => e.data)).toEqual([{ n: 0, note: 'note 0' }, { n: 4, note: 'note 4' }]);
  });

  it('rolls back alone an append that fails while writing its rows, and commits the others of its group', async () => {
    const raw = new Database(path);
    raw.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON events WHEN NEW.stream_id = 'loan-boom' AND NEW.revision = 1 BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    raw.close();
    const before = store.commitStats;
    const outcomes = await Promise.allSettled([
      store.append('loan-a', [noted(1)], 'no_stream'),
      store.append('loan-boom', [noted(2), noted(3)], 'no_stream'),
      store.append('loan-b', [noted(4)], 'no_stream', { idempotency: { key: 'k-b', requestHash: 'h' } }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('disk says no');
    expect(store.commitStats).toEqual({ transactions: before.transactions + 1, appends: before.appends + 2 });
    // The failed batch left none of its rows (its first event was written before the second failed).
    expect(await store.streamRevision('loan-boom')).toBeNull();
    expect((await store.readAll({ fromPosition: 0n })).map((e) => e.streamId)).toEqual(['loan-a', 'loan-b']);
    // The idempotency key of the append that committed is recorded once, after the group was written again.
    expect(await store.append('loan-c', [noted(5)], 'no_stream', { idempotency: { key: 'k-b', requestHash: 'h' } }).catch((e: unknown) => e)).toBeInstanceOf(IdempotencyKeyTaken);
  });

  it('refuses an append whose idempotency key another append of the same group took, and commits that one', async () => {
    const idempotency = { key: 'officer-1:same', requestHash: 'h' };
    const outcomes = await Promise.allSettled([
      store.append('loan-1', [noted(0)], 'no_stream', { idempotency }),
      store.append('loan-2', [noted(1)], 'no_stream', { idempotency }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyTaken);
    expect(await store.streamRevision('loan-2')).toBeNull();
  });

  it('refuses a second append with a recorded idempotency key and writes nothing', async () => {
    const idempotency = { key: 'officer-1:k', requestHash: 'h' };
    await store.append('loan-1', [noted(0)], 'no_stream', { idempotency });
    const error = await store.append('loan-2', [noted(1)], 'no_stream', { idempotency }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyKeyTaken);
    expect(await store.streamRevision('loan-2')).toBeNull();
  });

  it('keeps positions past 2^53 exact', async () => {
    const raw = new Database(path);
    raw.prepare(
      `INSERT INTO events (position, stream_id, revision, event_id, type, schema_version, data, occurred_at, recorded_at, actor, correlation_id, prev_hash, hash)
       VALUES (?, 'far-away', 0, 'e-far', 'TestNoted', 1, '{}', 'x', 'x', '{}', 'c', 'p', 'h')`,
    ).run(2n ** 60n);
    raw.close();
    const { position } = await store.append('loan-1', [noted(0)], 'no_stream');
    expect(position).toBe(2n ** 60n + 1n);
    expect(await store.headPosition()).toBe(1152921504606846977n);
    expect((await store.readAll({ fromPosition: 2n ** 60n }))[0]!.position).toBe(2n ** 60n + 1n);
  });

  it('writes queued appends on close, and refuses appends after it', async () => {
    const pending = store.append('loan-1', [noted(0)], 'no_stream');
    await store.close();
    expect((await pending).revision).toBe(0n);
    await expect(store.append('loan-1', [noted(1)], 0n)).rejects.toThrow(/not open/);
    store = SqliteEventStore.open({ path });
    expect(await store.streamRevision('loan-1')).toBe(0n);
  });

  it('sees events another process appends to the same file (slow poll)', async () => {
    const listener = SqliteEventStore.open({ path, pollMs: 10 });
    const subscription = listener.subscribeToAll();
    const received = (async () => {
      for await (const event of subscription) return event;
      return null;
    })();
    await store.append('loan-1', [noted(7)], 'no_stream');
    expect(((await received) as RecordedEvent).data).toEqual({ n: 7, note: 'note 7' });
    await listener.close();
  });
});

describe('openEventLogDatabase', () => {
  it('sets synchronous explicitly every time the WAL file is reopened', () => {
    const path = temporaryLog();
    for (const [mode, level] of [['FULL', 2n], ['OFF', 0n], ['FULL', 2n], ['NORMAL', 1n]] as const) {
      const db = openEventLogDatabase(path, mode);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(level);
      db.close();
    }
  });
});
