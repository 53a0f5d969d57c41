import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import type { Checkpoint, Write } from '../../src/readstore/port.js';
import { runnerHarness, until } from './runner-harness.js';
import { countingProjection, journalProjection } from './runner-projections.js';

describe('ProjectionRunner', () => {
  let h: ReturnType<typeof runnerHarness>;
  beforeEach(() => {
    h = runnerHarness();
  });
  afterEach(async () => h.cleanup());

  const counted = (streamId: string) => ({ type: 'Counted', streamId });
  const count = async (stream: string) => (await h.readStore.get<{ id: string; count: number }>('counters', stream))?.count;

  it('catches up in batches, one write per document per batch, with the checkpoint', async () => {
    h.log.add(...Array.from({ length: 25 }, (_, i) => counted(`loan-${i % 3}`)), { type: 'Ignored' });
    const commits: { writes: Write[]; checkpoint: Checkpoint }[] = [];
    const commit = h.readStore.commit.bind(h.readStore);
    h.readStore.commit = async (writes, checkpoint) => {
      commits.push({ writes, checkpoint });
      return commit(writes, checkpoint);
    };
    const runner = h.runner([countingProjection()], { batchSize: 10 });
    await runner.start();
    expect(await runner.waitForPosition('counts', 26n, 5_000)).toBe(true);
    expect([await count('loan-0'), await count('loan-1'), await count('loan-2')]).toEqual([9, 8, 8]);
    expect(commits.map((c) => c.checkpoint.position)).toEqual([10n, 20n, 26n]);
    expect(commits.map((c) => c.writes.length)).toEqual([3, 3, 3]);
    expect((await h.readStore.getCheckpoint('counts'))?.version).toBe(1);
  });

  it('resumes after a restart from its checkpoint without applying an event twice', async () => {
    h.log.add(counted('loan-1'), counted('loan-1'), counted('loan-2'));
    const first = h.runner([countingProjection(), journalProjection()]);
    await first.start();
    expect(await first.waitForPosition('all', 3n, 5_000)).toBe(true);
    await first.stop();
    h.log.add(counted('loan-1'), counted('loan-2'));
    const second = h.runner([countingProjection(), journalProjection()]);
    await second.start();
    expect(await second.waitForPosition('all', 5n, 5_000)).toBe(true);
    expect([await count('loan-1'), await count('loan-2')]).toEqual([3, 2]);
    expect((await h.readStore.find('journal', { where: { type: 'Counted' } })).items).toHaveLength(5);
  });

  it('follows the log live and waits for a position (read-your-writes)', async () => {
    const runner = h.runner([countingProjection()]);
    await runner.start();
    expect(await runner.waitForPosition('counts', 1n, 20)).toBe(false);
    const waiting = runner.waitForPosition('counts', 2n, 5_000);
    const head = h.log.add(counted('loan-9'), counted('loan-9'));
    expect(await waiting).toBe(true);
    expect(head).toBe(2n);
    expect(await count('loan-9')).toBe(2);
    const [status] = await runner.status();
    expect(status).toMatchObject({ name: 'counts', version: 1, state: 'live', position: 2n, headPosition: 2n, lagEvents: 0, lagSeconds: 0, error: null });
  });

  it('refuses to wait for a projection it does not know', async () => {
    const runner = h.runner([countingProjection()]);
    await expect(runner.waitForPosition('nope', 1n, 10)).rejects.toMatchObject({ code: 'PROJECTION_NOT_FOUND', kind: 'not_found' });
  });

  it('stops with state failed on a throwing handler, keeping the events before it and skipping nothing', async () => {
    const registry = new Registry();
    h.log.add(counted('loan-1'), counted('loan-1'), { type: 'Exploded', streamId: 'loan-1' }, counted('loan-1'));
    const runner = h.runner([countingProjection()], { registry, now: () => new Date('2024-01-01T00:01:00.000Z') });
    await runner.start();
    await until(async () => (await runner.status())[0]?.state === 'failed');
    const [status] = await runner.status();
    expect(status).toMatchObject({ state: 'failed', position: 2n, headPosition: 4n, lagEvents: 2, lagSeconds: 60 });
    expect(status?.error).toContain('position 3 (Exploded');
    expect(status?.error).toContain('boom');
    expect(await count('loan-1')).toBe(2);
    expect((await h.readStore.getCheckpoint('counts'))?.position).toBe(2n);
    expect(await registry.getSingleMetricAsString('lendcore_projection_errors_total')).toContain('lendcore_projection_errors_total{projection="counts"} 1');
    expect(await registry.getSingleMetricAsString('lendcore_projection_lag_events')).toContain('{projection="counts"} 2');
    expect(await runner.waitForPosition('counts', 4n, 20)).toBe(false);
  });

  it('stops with state failed on an event type the catalog does not know', async () => {
    h.log.add(counted('loan-1'), { type: 'Mystery' }, counted('loan-1'));
    const runner = h.runner([countingProjection()]);
    await runner.start();
    await until(async () => (await runner.status())[0]?.state === 'failed');
    const [status] = await runner.status();
    expect(status?.error).toContain('event type Mystery is not in the catalog');
    expect(status?.position).toBe(1n);
    expect(await count('loan-1')).toBe(1);
  });

  it('fails a projection whose handler writes a collection it does not own', async () => {
    const rogue = { ...countingProjection(), handlers: { Counted: (_e: unknown, ctx: { put: (c: string, d: { id: string }) => void }) => ctx.put('journal', { id: 'x' }) } };
    h.log.add(counted('loan-1'));
    const runner = h.runner([rogue]);
    await runner.start();
    await until(async () => (await runner.status())[0]?.state === 'failed');
    expect((await runner.status())[0]?.error).toContain('does not own collection journal');
  });
});
