import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildProjections, type RebuildProgress } from '../../src/projections/rebuild.js';
import { runnerHarness, until } from './runner-harness.js';
import { countingProjection, KNOWN } from './runner-projections.js';

describe('rebuild', () => {
  let h: ReturnType<typeof runnerHarness>;
  beforeEach(() => {
    h = runnerHarness();
  });
  afterEach(async () => h.cleanup());

  const counted = (streamId: string) => ({ type: 'Counted', streamId });
  const counter = (stream: string) => h.readStore.get<{ id: string; count: number; label: string }>('counters', stream);
  const events = (n: number) => Array.from({ length: n }, (_, i) => counted(`loan-${i % 4}`));

  /** Puts a wrong document into the live model, as a projector bug would have. */
  async function corruptLiveModel(): Promise<void> {
    const checkpoint = await h.readStore.getCheckpoint('counts');
    await h.readStore.commit([{ op: 'put', collection: 'counters', doc: { id: 'loan-0', stream: 'loan-0', count: 999, label: 'bug' } }], checkpoint!);
  }

  it('rebuilds into shadows while live reads and the live projection keep working, then swaps', async () => {
    h.log.add(...events(40));
    const runner = h.runner([countingProjection()], { batchSize: 8 });
    await runner.start();
    expect(await runner.waitForPosition('counts', 40n, 5_000)).toBe(true);
    await corruptLiveModel();

    const seenDuringRebuild: Promise<unknown>[] = [];
    const progress: RebuildProgress[] = [];
    await runner.rebuild('counts', (p) => {
      progress.push(p);
      if (progress.length === 1) {
        seenDuringRebuild.push(counter('loan-0'), runner.status(), h.readStore.get('counters__shadow', 'loan-1'));
        h.log.add(counted('loan-0'), counted('loan-0')); // appended mid-rebuild, picked up by live first
        seenDuringRebuild.push(runner.waitForPosition('counts', 42n, 5_000));
      }
    });
    const [liveDoc, status, shadowDoc, liveCaughtUp] = await Promise.all(seenDuringRebuild);
    expect(liveDoc).toMatchObject({ count: 999 });
    expect(status).toEqual([expect.objectContaining({ state: 'rebuilding' })]);
    expect(shadowDoc).toMatchObject({ count: 2 });
    expect(liveCaughtUp).toBe(true);

    expect(await counter('loan-0')).toMatchObject({ count: 12 });
    expect(await counter('loan-1')).toMatchObject({ count: 10 });
    expect(await h.readStore.getCheckpoint('counts')).toMatchObject({ position: 42n, version: 1 });
    expect(progress.at(-1)).toMatchObject({ processed: 42, total: 42 });
    expect(progress.every((p) => p.eventsPerSecond >= 0 && p.etaSeconds >= 0)).toBe(true);
    // Live resumes after the swap from the rebuilt checkpoint.
    h.log.add(counted('loan-3'));
    expect(await runner.waitForPosition('counts', 43n, 5_000)).toBe(true);
    expect(await counter('loan-3')).toMatchObject({ count: 11 });
    expect((await runner.status())[0]?.state).toBe('live');
  });

  it('an interrupted rebuild leaves the live model untouched; the next one drops the leftover shadow and starts over', async () => {
    h.log.add(...events(30));
    const runner = h.runner([countingProjection()]);
    await runner.start();
    expect(await runner.waitForPosition('counts', 30n, 5_000)).toBe(true);
    await runner.stop();
    await corruptLiveModel();
    const options = { eventStore: h.log.asEventStore(), readStore: h.readStore, projections: [countingProjection()], knownEventTypes: KNOWN, batchSize: 10 };

    const killed = new AbortController();
    await expect(rebuildProjections({ ...options, signal: killed.signal, onProgress: () => killed.abort() })).rejects.toThrow();
    expect(await counter('loan-0')).toMatchObject({ count: 999 });
    expect(await h.readStore.get('counters__shadow', 'loan-0')).toMatchObject({ count: 3 });
    expect(await h.readStore.getCheckpoint('counts')).toMatchObject({ position: 30n });

    expect(await rebuildProjections(options)).toBe(30n);
    expect(await counter('loan-0')).toMatchObject({ count: 8 });
    expect(await counter('loan-1')).toMatchObject({ count: 8 });
  });

  it('a rebuild that meets a bad event fails and leaves the live model serving', async () => {
    h.log.add(counted('loan-0'), { type: 'Exploded' });
    await h.readStore.ensureCollection({ name: 'counters', indexes: ['stream'] });
    await h.readStore.commit([{ op: 'put', collection: 'counters', doc: { id: 'loan-0', count: 7 } }], { projection: 'counts', version: 1, position: 1n, updatedAt: 'x' });
    const rebuild = rebuildProjections({ eventStore: h.log.asEventStore(), readStore: h.readStore, projections: [countingProjection()], knownEventTypes: KNOWN });
    await expect(rebuild).rejects.toThrow(/position 2 \(Exploded/);
    expect(await counter('loan-0')).toMatchObject({ count: 7 });
    expect(await h.readStore.getCheckpoint('counts')).toMatchObject({ position: 1n });
  });

  it('rebuilds a projection at start-up when its code version differs from the stored one', async () => {
    h.log.add(...events(12));
    const v1 = h.runner([countingProjection(1)]);
    await v1.start();
    expect(await v1.waitForPosition('counts', 12n, 5_000)).toBe(true);
    await v1.stop();
    expect(await counter('loan-0')).toMatchObject({ label: 'v1' });

    const v2 = h.runner([countingProjection(2)]);
    await v2.start();
    await until(async () => (await h.readStore.getCheckpoint('counts'))?.version === 2);
    expect(await counter('loan-0')).toMatchObject({ label: 'v2', count: 3 });
    await until(async () => (await v2.status())[0]?.state === 'live');
    h.log.add(counted('loan-0'));
    expect(await v2.waitForPosition('counts', 13n, 5_000)).toBe(true);
    expect(await counter('loan-0')).toMatchObject({ label: 'v2', count: 4 });
  });

  it('refuses a second rebuild of the same projection while one runs, and unknown names', async () => {
    h.log.add(...events(5));
    const runner = h.runner([countingProjection()], { batchSize: 2 });
    await runner.start();
    let second: Promise<void> | null = null;
    await runner.rebuild('counts', () => {
      second ??= runner.rebuild('counts');
    });
    await expect(second).rejects.toMatchObject({ code: 'PROJECTION_REBUILDING' });
    await expect(runner.rebuild('nope')).rejects.toMatchObject({ code: 'PROJECTION_NOT_FOUND' });
  });
});
