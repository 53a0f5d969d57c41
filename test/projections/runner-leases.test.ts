import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runnerHarness } from './runner-harness.js';
import { countingProjection } from './runner-projections.js';

describe('ProjectionRunner leases', () => {
  let h: ReturnType<typeof runnerHarness>;
  beforeEach(() => {
    h = runnerHarness();
  });
  afterEach(async () => h.cleanup());

  it('runs each projection in one worker only, and hands it over once the lease expires', async () => {
    let clock = new Date('2024-01-01T00:00:00Z').getTime();
    const now = () => new Date(clock);
    h.log.add({ type: 'Counted', streamId: 'loan-1' });
    const a = h.runner([countingProjection()], { lease: { owner: 'worker-a', ttlMs: 60_000 }, now });
    const b = h.runner([countingProjection()], { lease: { owner: 'worker-b', ttlMs: 60_000 }, now, readStore: h.openStore() });
    await a.start();
    await b.start();
    expect(await a.waitForPosition('counts', 1n, 5_000)).toBe(true);
    expect((await a.status())[0]?.state).toBe('live');
    expect((await b.status())[0]?.state).toBe('stopped');
    // b sees a's progress through the store, so read-your-writes works on any instance.
    expect(await b.waitForPosition('counts', 1n, 5_000)).toBe(true);
    await expect(b.rebuild('counts')).rejects.toMatchObject({ code: 'PROJECTION_NOT_HELD' });

    clock += 30_000;
    await b.renewLeases();
    expect((await b.status())[0]?.state).toBe('stopped');

    clock += 61_000; // a has not renewed: its lease expired
    await b.renewLeases();
    expect(await b.waitForPosition('counts', 1n, 5_000)).toBe(true);
    await a.renewLeases();
    expect((await a.status())[0]?.state).toBe('stopped');
    h.log.add({ type: 'Counted', streamId: 'loan-1' });
    expect(await b.waitForPosition('counts', 2n, 5_000)).toBe(true);
    expect((await b.status())[0]?.state).toBe('live');
    expect((await h.readStore.get<{ id: string; count: number }>('counters', 'loan-1'))?.count).toBe(2);
  });

  it('releases its leases on stop so another worker takes over at once', async () => {
    const now = () => new Date('2024-01-01T00:00:00Z');
    const a = h.runner([countingProjection()], { lease: { owner: 'worker-a', ttlMs: 60_000 }, now });
    const b = h.runner([countingProjection()], { lease: { owner: 'worker-b', ttlMs: 60_000 }, now });
    await a.start();
    await b.start();
    expect((await b.status())[0]?.state).toBe('stopped');
    await a.stop();
    await b.renewLeases();
    h.log.add({ type: 'Counted', streamId: 'loan-1' });
    expect(await b.waitForPosition('counts', 1n, 5_000)).toBe(true);
    expect((await b.status())[0]?.state).toBe('live');
  });
});
