import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLog, loanStories } from '../../bench/data/generate-log.js';
import { writeLoanSnapshots } from '../../bench/data/loan-snapshots.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import { rebuildGroups } from '../../src/projections/rebuild-groups.js';
import { rebuildProjections } from '../../src/projections/rebuild.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { projectionsFor } from '../../src/runtime/projections.js';
import { rebuildInThreads, type RebuildThreadData, type RebuildThreadHandle } from '../../src/runtime/threaded-rebuild.js';

const HOOKS = new URL('./typescript-hooks.mjs', import.meta.url).href;
const ENTRY = new URL('../../src/runtime/rebuild-thread.ts', import.meta.url).href;

/** The real rebuild thread, loaded from the TypeScript sources; `before` runs first inside it. */
function typescriptThread(data: RebuildThreadData, before = ''): RebuildThreadHandle {
  const bootstrap = `
    const { register } = await import('node:module');
    register(${JSON.stringify(HOOKS)});
    ${before}
    await import(${JSON.stringify(ENTRY)});
  `;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every document of every collection of the projections, by collection. */
async function contents(store: SqliteReadStore, collections: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of collections) {
    const docs: unknown[] = [];
    for await (const doc of store.scan(name)) docs.push(doc);
    out[name] = docs;
  }
  return out;
}

describe('rebuildInThreads', () => {
  it('builds exactly the read models one thread builds, each projection swapped in at the log head', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-threaded-rebuild-'));
    const events = join(dir, 'log.db');
    const shape = { loans: 30, paidInstallments: 3 };
    const log = generateLog(events, shape);
    await writeLoanSnapshots(events, loanStories(shape));
    const eventStore = SqliteEventStore.open({ path: events });
    const single = SqliteReadStore.open({ path: join(dir, 'single.db') });
    const threaded = SqliteReadStore.open({ path: join(dir, 'threaded.db') });
    try {
      const projections = projectionsFor(eventStore);
      const knownEventTypes = new Set(ALL_EVENT_TYPES);
      await rebuildProjections({ eventStore, readStore: single, projections, knownEventTypes });
      const spawned: string[][] = [];
      let lastProgress = 0;
      const position = await rebuildInThreads({
        eventStore, readStore: threaded, projections, knownEventTypes, threads: 2,
        spawn: (data) => (spawned.push(data.names), typescriptThread(data)),
        onProgress: (p) => (lastProgress = p.processed),
      });
      expect(position).toBe(BigInt(log.events));
      expect(lastProgress).toBe(log.events);
      // The general ledger, the costliest, rebuilds in this thread; the loan summary, accounts and the rest in the other.
      expect(spawned).toHaveLength(1);
      expect(spawned[0]).toEqual(expect.arrayContaining(['loan-summary', 'customer-account', 'regulatory']));
      expect(spawned[0]).not.toContain('general-ledger');
      const collections = projections.flatMap((p) => p.collections.map((c) => c.name));
      expect(await contents(threaded, collections)).toEqual(await contents(single, collections));
      for (const p of projections) expect((await threaded.getCheckpoint(p.name))).toMatchObject({ version: p.version, position: BigInt(log.events) });
    } finally {
      await threaded.close();
      await single.close();
      await eventStore.close();
    }
  }, 60_000);

  it('fails with the thread\'s error; the failed group swaps nothing in (a group that had finished keeps its own swap)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-threaded-rebuild-'));
    const events = join(dir, 'log.db');
    generateLog(events, { loans: 30, paidInstallments: 3 });
    const eventStore = SqliteEventStore.open({ path: events });
    const readStore = SqliteReadStore.open({ path: join(dir, 'read.db') });
    try {
      const projections = projectionsFor(eventStore);
      const broken = (data: RebuildThreadData) => typescriptThread({ ...data, names: [...data.names, 'no-such-projection'] });
      await expect(rebuildInThreads({ eventStore, readStore, projections, knownEventTypes: new Set(ALL_EVENT_TYPES), threads: 2, spawn: broken }))
        .rejects.toThrow(/^rebuilding loan-summary, .*: unknown projection among/);
      const failedGroup = projections.filter((p) => p.name !== 'general-ledger' && p.name !== 'payout-reconciliation');
      for (const p of failedGroup) expect(await readStore.getCheckpoint(p.name)).toBeNull();
    } finally {
      await readStore.close();
      await eventStore.close();
    }
  }, 60_000);
});

describe('rebuildGroups', () => {
  it('balances the groups by rebuild cost, costliest first, keeping the input order within a group', () => {
    const p = (name: string, rebuildCost?: number) => ({ name, version: 1, collections: [], handlers: {}, ...(rebuildCost ? { rebuildCost } : {}) });
    const groups = rebuildGroups([p('a', 12), p('b'), p('ledger', 28), p('c', 11), p('d', 2)], 2);
    expect(groups.map((g) => g.map((x) => x.name))).toEqual([['ledger'], ['a', 'b', 'c', 'd']]);
    expect(rebuildGroups([p('a')], 4).map((g) => g.map((x) => x.name))).toEqual([['a']]);
    expect(rebuildGroups([p('a'), p('b')], 1).map((g) => g.map((x) => x.name))).toEqual([['a', 'b']]);
  });
});
