import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '../../src/eventstore/port.js';
import { applyAndCommit, applyInStep, applyTarget } from '../../src/projections/apply-batch.js';
import { ProjectionFailure } from '../../src/projections/projection-failure.js';
import type { Projection } from '../../src/projections/projection.js';
import type { Doc } from '../../src/readstore/port.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';

// Settle work: derived documents built once per key per batch, after its last event, before the commit.
describe('settle work in a batch', () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-settle-'));
    store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const event = (position: number, streamId: string, explode = false): RecordedEvent => ({
    eventId: `e${position}`, type: 'Counted', schemaVersion: 1, streamId, revision: 0n, position: BigInt(position),
    occurredAt: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z', actor: { sub: 't', role: 'officer' },
    correlationId: 'c', causationId: null, idempotencyKey: null, prevHash: '', hash: '', data: { explode },
  });

  /** Per stream: how many events, and the position the settle saw last; the settle runs count how often it ran. */
  function settlingProjection(runs: string[]): Projection {
    return {
      name: 'settling',
      version: 1,
      collections: [{ name: 'tallies', indexes: [] }],
      handlers: {
        Counted: async (e, ctx) => {
          const current = await ctx.get<Doc & { events: number }>('tallies', e.streamId);
          const events = (current?.events ?? 0) + 1;
          ctx.put('tallies', { ...current, id: e.streamId, events });
          ctx.settle(e.streamId, e, () => {
            if ((e.data as { explode: boolean }).explode) throw new Error('cannot settle');
            runs.push(e.eventId);
            ctx.put('tallies', { id: e.streamId, events, settledAt: e.position.toString() });
          });
        },
      },
    };
  }

  const target = (projection: Projection) => {
    const t = applyTarget(projection, { store, eventStore: {} as EventStore, knownEventTypes: new Set(['Counted']), now: () => new Date(0) });
    return t;
  };

  it('runs once per key, for the key\'s last event in the batch, before the commit', async () => {
    const runs: string[] = [];
    const t = target(settlingProjection(runs));
    await store.ensureCollection({ name: 'tallies', indexes: [] });
    await applyAndCommit(t, [event(1, 'a'), event(2, 'b'), event(3, 'a'), event(4, 'a')]);
    expect(runs).toEqual(['e4', 'e2']);
    expect(await store.get('tallies', 'a')).toEqual({ id: 'a', events: 3, settledAt: '4' });
    expect(await store.get('tallies', 'b')).toEqual({ id: 'b', events: 1, settledAt: '2' });
    expect((await store.getCheckpoint('settling'))?.position).toBe(4n);
  });

  it('commits the events before the one whose settle failed, and names that event', async () => {
    const runs: string[] = [];
    const t = target(settlingProjection(runs));
    await store.ensureCollection({ name: 'tallies', indexes: [] });
    const failure = await applyAndCommit(t, [event(1, 'a'), event(2, 'b'), event(3, 'b', true), event(4, 'a')]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProjectionFailure);
    expect((failure as ProjectionFailure).position).toBe(3n);
    expect((await store.getCheckpoint('settling'))?.position).toBe(2n);
    expect(await store.get('tallies', 'a')).toEqual({ id: 'a', events: 1, settledAt: '1' });
    expect(await store.get('tallies', 'b')).toEqual({ id: 'b', events: 1, settledAt: '2' });
  });

  it('in a rebuild page, settles every target after every event and commits nothing when one fails', async () => {
    const runs: string[] = [];
    const t = target(settlingProjection(runs));
    await store.ensureCollection({ name: 'tallies', indexes: [] });
    await applyInStep([t], [event(1, 'a'), event(2, 'a')]);
    expect(await store.get('tallies', 'a')).toEqual({ id: 'a', events: 2, settledAt: '2' });
    await expect(applyInStep([t], [event(3, 'a'), event(4, 'b', true)])).rejects.toBeInstanceOf(ProjectionFailure);
    expect((await store.getCheckpoint('settling'))?.position).toBe(2n);
    expect(await store.get('tallies', 'a')).toEqual({ id: 'a', events: 2, settledAt: '2' });
  });
});
