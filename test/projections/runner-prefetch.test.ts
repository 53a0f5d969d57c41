import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventStore, RecordedEvent } from '../../src/eventstore/port.js';
import { applyAndCommit, applyInStep, applyTarget } from '../../src/projections/apply-batch.js';
import { ProjectionFailure } from '../../src/projections/projection-failure.js';
import type { Projection } from '../../src/projections/projection.js';
import type { Doc } from '../../src/readstore/port.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';

// A projection's prefetch: the documents its batch will get, read in one query before the first handler.
describe('prefetch in a batch', () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-prefetch-'));
    store = SqliteReadStore.open({ path: join(dir, 'read.db') });
    await store.ensureCollection({ name: 'tallies', indexes: [] });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const event = (position: number, streamId: string): RecordedEvent => ({
    eventId: `e${position}`, type: 'Counted', schemaVersion: 1, streamId, revision: 0n, position: BigInt(position),
    occurredAt: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z', actor: { sub: 't', role: 'officer' },
    correlationId: 'c', causationId: null, idempotencyKey: null, prevHash: '', hash: '', data: {},
  });

  const counting = (prefetch: Projection['prefetch']): Projection => ({
    name: 'counting',
    version: 1,
    collections: [{ name: 'tallies', indexes: [] }],
    handlers: {
      Counted: async (e, ctx) => {
        const current = await ctx.get<Doc & { events: number }>('tallies', e.streamId);
        ctx.put('tallies', { id: e.streamId, events: (current?.events ?? 0) + 1 });
      },
    },
    prefetch,
  });
  const byStream: Projection['prefetch'] = (events, ctx) => ctx.prefetch('tallies', events.map((e) => e.streamId));
  const target = (projection: Projection) =>
    applyTarget(projection, { store, eventStore: {} as EventStore, knownEventTypes: new Set(['Counted']), now: () => new Date(0) });

  it('reads the batch\'s documents in one query, and the handlers read none', async () => {
    await applyAndCommit(target(counting(byStream)), [event(1, 'a'), event(2, 'b')]);
    const get = vi.spyOn(store, 'get');
    const getMany = vi.spyOn(store, 'getMany');
    await applyAndCommit(target(counting(byStream)), [event(3, 'a'), event(4, 'c'), event(5, 'a'), event(6, 'b')]);
    await applyInStep([target(counting(byStream))], [event(7, 'c'), event(8, 'b')]);
    expect(getMany).toHaveBeenCalledTimes(2);
    expect(get).not.toHaveBeenCalled();
    expect(await store.getMany('tallies', ['a', 'b', 'c'])).toEqual(new Map([
      ['a', { id: 'a', events: 3 }], ['b', { id: 'b', events: 3 }], ['c', { id: 'c', events: 2 }],
    ]));
  });

  it('reports a failed prefetch against the batch\'s first event and commits nothing of it', async () => {
    const failing = counting(async () => {
      throw new Error('store unreachable');
    });
    const failure = await applyAndCommit(target(failing), [event(1, 'a'), event(2, 'b')]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProjectionFailure);
    expect((failure as ProjectionFailure).position).toBe(1n);
    expect(await store.getCheckpoint('counting')).toBeNull();
    await expect(applyInStep([target(failing)], [event(1, 'a')])).rejects.toBeInstanceOf(ProjectionFailure);
  });
});
