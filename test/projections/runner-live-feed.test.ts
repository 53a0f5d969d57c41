import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyTarget } from '../../src/projections/apply-batch.js';
import { LiveFeed, type FeedMember } from '../../src/projections/live-feed.js';
import type { LoanStates } from '../../src/projections/loan-states.js';
import type { Projection } from '../../src/projections/projection.js';
import type { Checkpoint, Write } from '../../src/readstore/port.js';
import { runnerHarness, until } from './runner-harness.js';
import { countingProjection, journalProjection, KNOWN } from './runner-projections.js';

describe('live projections through one feed', () => {
  let h: ReturnType<typeof runnerHarness>;
  beforeEach(() => {
    h = runnerHarness();
  });
  afterEach(async () => h.cleanup());

  const counted = (streamId: string) => ({ type: 'Counted', streamId });
  const count = async (stream: string) => (await h.readStore.get<{ id: string; count: number }>('counters', stream))?.count;

  it('applies live events in log order, once per projection, each committing its own checkpoint with its writes', async () => {
    const commits: { projection: string; positions: bigint; writes: number }[] = [];
    const commit = h.readStore.commit.bind(h.readStore);
    h.readStore.commit = async (writes: Write[], checkpoint: Checkpoint) => {
      commits.push({ projection: checkpoint.projection, positions: checkpoint.position, writes: writes.length });
      return commit(writes, checkpoint);
    };
    const order: bigint[] = [];
    const ordered: Projection = { name: 'order', version: 1, collections: [{ name: 'order', indexes: [] }], handlers: { Counted: (e) => void order.push(e.position) } };
    const runner = h.runner([countingProjection(), journalProjection(), ordered]);
    await runner.start();
    for (let round = 0; round < 5; round++) {
      h.log.add(...Array.from({ length: 4 }, (_, i) => counted(`loan-${i % 2}`)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await runner.waitForPosition('all', 20n, 5_000)).toBe(true);
    expect(h.log.openSubscriptions).toBe(1); // one read of the log for all three
    expect([await count('loan-0'), await count('loan-1')]).toEqual([10, 10]);
    expect((await h.readStore.find('journal', { where: { type: 'Counted' } })).items).toHaveLength(20);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i + 1)));
    for (const name of ['counts', 'journal', 'order']) {
      const mine = commits.filter((c) => c.projection === name).map((c) => c.positions);
      expect(mine).toEqual([...mine].sort((a, b) => (a < b ? -1 : 1)));
      expect(mine.at(-1)).toBe(20n);
      expect((await h.readStore.getCheckpoint(name))?.position).toBe(20n);
    }
    await runner.stop();
    expect(h.log.openSubscriptions).toBe(0); // closed before stop() returns, so the stores may close
  });

  it('stops only the projection that fails live, at the event before the bad one; the others follow on', async () => {
    const runner = h.runner([countingProjection(), journalProjection()]);
    await runner.start();
    h.log.add(counted('loan-1'), counted('loan-1'));
    expect(await runner.waitForPosition('all', 2n, 5_000)).toBe(true);
    h.log.add(counted('loan-1'), { type: 'Exploded', streamId: 'loan-1' }, counted('loan-1'));
    await until(async () => (await runner.status()).find((s) => s.name === 'counts')?.state === 'failed');
    expect(await runner.waitForPosition('journal', 5n, 5_000)).toBe(true);
    h.log.add(counted('loan-2'));
    expect(await runner.waitForPosition('journal', 6n, 5_000)).toBe(true);
    const statuses = await runner.status();
    expect(statuses.find((s) => s.name === 'counts')).toMatchObject({ state: 'failed', position: 3n });
    expect(statuses.find((s) => s.name === 'counts')?.error).toContain('position 4 (Exploded');
    expect(statuses.find((s) => s.name === 'journal')).toMatchObject({ state: 'live', position: 6n, error: null });
    expect(await count('loan-1')).toBe(3);
    expect((await h.readStore.getCheckpoint('counts'))?.position).toBe(3n);
    expect((await h.readStore.find('journal', { where: { type: 'Counted' } })).items).toHaveLength(5);
  });

  it('gives live projections one LoanStates, so a loan event is folded once for all of them', async () => {
    const seen = new Map<string, Set<LoanStates>>();
    const spy = (name: string): Projection => ({
      name, version: 1, collections: [{ name, indexes: [] }],
      handlers: { Counted: (_e, ctx) => void (seen.get(name) ?? seen.set(name, new Set()).get(name)!).add(ctx.loans) },
    });
    const runner = h.runner([spy('a'), spy('b')]);
    await runner.start();
    h.log.add(counted('loan-1'), counted('loan-2'));
    expect(await runner.waitForPosition('all', 2n, 5_000)).toBe(true);
    const [a, b] = [[...seen.get('a')!], [...seen.get('b')!]];
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
  });

  it('a projection joining behind the feed catches up from the log first: no gap, no repeat; one that stops leaves the others', async () => {
    const eventStore = h.log.asEventStore();
    const feed = new LiveFeed(eventStore, 2);
    for (const spec of [...journalProjection().collections, ...countingProjection().collections]) await h.readStore.ensureCollection(spec);
    const member = (projection: Projection): FeedMember & { commits: number } => ({
      target: applyTarget(projection, { store: h.readStore, eventStore, knownEventTypes: KNOWN, now: () => new Date() }),
      position: 0n,
      commits: 0,
      mayCommit: () => true,
      onCommit() {
        this.commits += 1;
      },
    });
    const journal = member(journalProjection());
    const journalStop = new AbortController();
    const journalFollows = feed.follow(journal, journalStop.signal);
    h.log.add(counted('loan-1'), counted('loan-1'), counted('loan-2'), counted('loan-1'), counted('loan-2'));
    await until(async () => journal.position === 5n);
    const counts = member(countingProjection());
    const countsStop = new AbortController();
    const countsFollow = feed.follow(counts, countsStop.signal);
    await until(async () => counts.position === 5n);
    expect([await count('loan-1'), await count('loan-2')]).toEqual([3, 2]);
    journalStop.abort();
    await journalFollows;
    h.log.add(counted('loan-2'));
    await until(async () => counts.position === 6n);
    expect(journal.position).toBe(5n);
    expect(await count('loan-2')).toBe(3);
    countsStop.abort();
    await countsFollow;
    await feed.idle();
    expect(h.log.openSubscriptions).toBe(0);
    expect((await h.readStore.getCheckpoint('journal'))?.position).toBe(5n);
    expect((await h.readStore.getCheckpoint('counts'))?.position).toBe(6n);
  });

  it('lets a projection go when its lease is lost, before it commits anything more', async () => {
    const eventStore = h.log.asEventStore();
    const feed = new LiveFeed(eventStore, 10);
    for (const spec of journalProjection().collections) await h.readStore.ensureCollection(spec);
    let leased = true;
    const journal: FeedMember = {
      target: applyTarget(journalProjection(), { store: h.readStore, eventStore, knownEventTypes: KNOWN, now: () => new Date() }),
      position: 0n,
      mayCommit: () => leased,
      onCommit: () => undefined,
    };
    const following = feed.follow(journal, new AbortController().signal);
    h.log.add(counted('loan-1'));
    await until(async () => journal.position === 1n);
    leased = false;
    h.log.add(counted('loan-1'));
    await following;
    expect(journal.position).toBe(1n);
    expect((await h.readStore.getCheckpoint('journal'))?.position).toBe(1n);
  });
});
