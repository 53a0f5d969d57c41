import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { ProjectionRunner } from '../../src/projections/runner.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { main, replay } from '../../scripts/replay/rebuild.js';
import { countingProjection, KNOWN } from './runner-projections.js';

describe('runner and replay on the real SQLite stores', () => {
  let dir: string;
  let events: string;
  let readmodels: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-replay-'));
    events = join(dir, 'events.db');
    readmodels = join(dir, 'read.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const counted = (n: number): NewEvent[] =>
    Array.from({ length: n }, () => ({ type: 'Counted', data: {}, occurredAt: '2024-01-01T00:00:00.000Z', actor: { sub: 't', role: 'officer' }, correlationId: 'c' }));

  async function withStores<T>(use: (log: SqliteEventStore, read: SqliteReadStore) => Promise<T>): Promise<T> {
    const log = SqliteEventStore.open({ path: events, pollMs: 10 });
    const read = SqliteReadStore.open({ path: readmodels });
    try {
      return await use(log, read);
    } finally {
      await read.close();
      await log.close();
    }
  }

  it('catches up and follows appends live', async () => {
    await withStores(async (log, read) => {
      await log.append('loan-1', counted(3), 'no_stream');
      const runner = new ProjectionRunner({ eventStore: log, readStore: read, projections: [countingProjection()], knownEventTypes: KNOWN, registry: new Registry() });
      await runner.start();
      expect(await runner.waitForPosition('all', 3n, 5_000)).toBe(true);
      const { position } = await log.append('loan-1', counted(2), 2n);
      expect(await runner.waitForPosition('counts', position, 5_000)).toBe(true);
      expect(await read.get('counters', 'loan-1')).toMatchObject({ count: 5 });
      await runner.stop();
    });
  });

  it('replays into the read models, refusing while a worker holds a lease', async () => {
    await withStores(async (log, read) => {
      await log.append('loan-1', counted(4), 'no_stream');
      await log.append('loan-2', counted(1), 'no_stream');
      await read.acquireLease('counts', 'api-worker', 60_000, new Date());
      const options = { eventStore: log, readStore: read, projections: [countingProjection()], names: 'all' as const, knownEventTypes: KNOWN };
      await expect(replay(options)).rejects.toThrow(/holds its lease/);
      await read.releaseLease('counts', 'api-worker');
      expect(await replay(options)).toBe(5n);
      expect(await read.get('counters', 'loan-1')).toMatchObject({ count: 4 });
      expect(await replay({ ...options, names: ['nope'] }).catch((e: Error) => e.message)).toContain('no projection named nope');
    });
  });

  it('rebuilds into shadows without indexes and swaps in collections whose indexes serve queries', async () => {
    await withStores(async (log, read) => {
      await log.append('loan-1', counted(3), 'no_stream');
      await log.append('loan-2', counted(1), 'no_stream');
      const options = { eventStore: log, readStore: read, projections: [countingProjection()], names: 'all' as const, knownEventTypes: KNOWN };
      expect(await replay(options)).toBe(4n);
      expect((await read.find('counters', { where: { count: { gte: 2 } } })).items.map((d) => d.id)).toEqual(['loan-1']);
    });
    const raw = new Database(readmodels, { readonly: true });
    const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT id FROM "rm_counters" WHERE "f_count" >= 2`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
    const shadows = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%shadow%'`).all();
    raw.close();
    expect(plan).toMatch(/USING (COVERING )?INDEX/);
    expect(shadows).toEqual([]);
  });

  it('main opens the stores from paths and reports through the exit code', async () => {
    const rejected = counted(2).map((e) => ({ ...e, type: 'KycRejected', data: { reason: 'r', decidedBy: 'u' } }));
    await withStores(async (log) => void (await log.append('customer-1', rejected, 'no_stream')));
    const output: string[] = [];
    const out = Object.assign(new Writable({ write: (chunk, _enc, done) => (output.push(String(chunk)), done()) }), { isTTY: false }) as unknown as NodeJS.WriteStream;
    const paths = ['--events', events, '--readmodels', readmodels];
    const ledger = { name: 'ledger', version: 1, collections: [{ name: 'entries', indexes: [] }], handlers: {} };
    const broken = { ...ledger, name: 'broken', handlers: { KycRejected: () => { throw new Error('bad posting'); } } };
    expect(await main(paths, [ledger], out)).toBe(2);
    expect(await main([...paths, '--projection', 'broken'], [ledger, broken], out)).toBe(1);
    expect(output.join('')).toContain('bad posting');
    expect(await main([...paths, '--projection', 'all'], [ledger], out)).toBe(0);
    expect(output.join('')).toContain('rebuilt ledger to position 2');
  });
});
