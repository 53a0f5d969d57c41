import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { catchUpTo } from '../../scripts/replay/catch-up.js';
import { replayCheck } from '../../scripts/replay/check.js';
import { openScratchReadStore } from '../../scripts/replay/scratch-read-store.js';
import { main } from '../../src/cli/main.js';
import { runDemo } from '../../src/demo/run-demo.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { compareProjection, projectionIdentical } from '../../src/projections/compare/compare-read-models.js';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import { LOAN_SUMMARY } from '../../src/projections/models/loan-summary/documents.js';
import { loanSummaryProjection, productCatalogProjection } from '../../src/projections/models/index.js';
import type { Doc } from '../../src/readstore/port.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { createProjectionRunner } from '../../src/runtime/projections.js';
import { lendcoreUpcasters } from '../../src/runtime/upcasters.js';
import { MemoryKeyStore } from '../../src/vault/memory-key-store.js';
import { PiiVault } from '../../src/vault/pii-vault.js';
import { MONGO_URL_VAR, skipReason, startMongo } from '../support/containers.js';
import { withDatabase } from '../support/mongo-database.js';
import { captureIo } from './cli-io.js';

// Decided before `describe`, so a machine without a MongoDB server skips that suite at once and says why.
const mongoSkip = await skipReason(MONGO_URL_VAR);

// One small demo book with caught-up live read models; each test works on its own copy of it.
let pristine: string;
let head: bigint;
const copies: string[] = [];

beforeAll(async () => {
  pristine = mkdtempSync(path.join(tmpdir(), 'lendcore-replay-check-book-'));
  const eventStore = SqliteEventStore.open({ path: path.join(pristine, 'lendcore.db'), upcasters: lendcoreUpcasters(), pollMs: 5 });
  const readStore = SqliteReadStore.open({ path: path.join(pristine, 'readmodels.db') });
  const runner = createProjectionRunner({ eventStore, readStore, registry: new Registry() });
  await runner.start();
  const clock = { at: new Date(), now: () => clock.at, set: (d: Date) => void (clock.at = d) };
  await runDemo({ eventStore, readStore, vault: new PiiVault(new MemoryKeyStore()), clock }, { customers: 6, months: 2, seed: 5, today: '2026-03-01' });
  head = await eventStore.headPosition();
  if (!(await runner.waitForPosition('all', head, 20_000))) throw new Error('projections did not catch up');
  await runner.stop();
  await readStore.close();
  await eventStore.close();
}, 120_000);

afterAll(() => rmSync(pristine, { recursive: true, force: true }));
afterEach(() => copies.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyOfBook(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lendcore-replay-check-'));
  cpSync(pristine, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

/** Changes the live read models directly, as a buggy or nondeterministic projector would have. */
async function tamperLive(dir: string, change: (store: SqliteReadStore, doc: Doc) => Promise<void>): Promise<string> {
  const store = SqliteReadStore.open({ path: path.join(dir, 'readmodels.db') });
  try {
    const first = (await store.find<Doc>(LOAN_SUMMARY, { limit: 1 })).items[0]!;
    await change(store, first);
    return first.id;
  } finally {
    await store.close();
  }
}

const liveCheckpoint = (position: bigint) => ({ projection: loanSummaryProjection.name, version: loanSummaryProjection.version, position, updatedAt: '2026-03-01T00:00:00Z' });

async function check(dir: string, ...args: string[]) {
  const io = captureIo({ LENDCORE_DATA_DIR: dir });
  const code = await main(['replay', '--check', ...args], io);
  return { code, io, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('lendcore replay --check', () => {
  it('exits 0 with a summary per collection when a rebuild equals the live read models, leaving them untouched', async () => {
    const dir = copyOfBook();
    const live = SqliteReadStore.open({ path: path.join(dir, 'readmodels.db') });
    const before = await live.getCheckpoint('loan-summary');
    const { code, out, err } = await check(dir);
    expect(code, err).toBe(0);
    expect(out).toMatch(/^loan-summary at position \d+\n {2}loan_summary: 6 documents, identical$/m);
    expect(out).toContain('  ledger_journal: ');
    expect(out).not.toContain('audit_trail');
    expect(out).toMatch(/replay check: identical, 9 projection\(s\) rebuilt from the log to position \d+ match the live read models/);
    expect(err).toMatch(/\[#+\] 100\.0% \d+\/\d+ events/);
    const scratch = /rebuilt into (\S+) up to position/.exec(err)?.[1];
    expect(scratch && existsSync(scratch), 'the scratch store is deleted afterwards').toBe(false);
    expect(await live.getCheckpoint('loan-summary')).toEqual(before);
    await live.close();
  });

  it('exits 1 naming the document and the first field where the live model differs', async () => {
    const dir = copyOfBook();
    const id = await tamperLive(dir, (store, doc) => store.commit([{ op: 'put', collection: LOAN_SUMMARY, doc: { ...doc, daysPastDue: 999 } }], liveCheckpoint(head)));
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/ {2}loan_summary: 6 rebuilt, 6 live: 0 missing from live, 0 extra in live, 1 differing/);
    expect(out).toMatch(new RegExp(`differs: ${id} at daysPastDue: live 999, rebuilt \\d+`));
    expect(out).toContain('replay check FAILED');
  });

  it('exits 1 naming a query column edited beside an unchanged document (QA: f_status set to closed was "identical")', async () => {
    const dir = copyOfBook();
    const db = new Database(path.join(dir, 'readmodels.db'));
    const row = db.prepare(`SELECT id, f_status AS status FROM rm_${LOAN_SUMMARY} ORDER BY id LIMIT 1`).get() as { id: string; status: string };
    expect(row.status).not.toBe('closed');
    db.prepare(`UPDATE rm_${LOAN_SUMMARY} SET f_status = 'closed' WHERE id = ?`).run(row.id);
    db.close();
    const { code, out } = await check(dir, '--projection', 'loan-summary');
    expect(code).toBe(1);
    expect(out).toMatch(/ {2}loan_summary: 6 rebuilt, 6 live: 0 missing from live, 0 extra in live, 0 differing, 1 query column\(s\) disagreeing with their document/);
    expect(out).toContain(`    stale: ${row.id} query column status holds "closed" but the live document gives ${JSON.stringify(row.status)}`);
    expect(out).toContain('replay check FAILED');
  });

  it('exits 1 naming a document missing from the live model', async () => {
    const dir = copyOfBook();
    const id = await tamperLive(dir, (store, doc) => store.commit([{ op: 'delete', collection: LOAN_SUMMARY, id: doc.id }], liveCheckpoint(head)));
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toContain(`    missing from live: ${id}`);
  });

  it('checks only the named projection', async () => {
    const dir = copyOfBook();
    const { code, out } = await check(dir, '--projection', 'product-catalog');
    expect(code).toBe(0);
    expect(out).toMatch(/^product-catalog at position \d+$/m);
    expect(out).not.toContain('loan_summary');
  });

  it('exits 1 when the live projections stay behind the log, naming them', async () => {
    const dir = copyOfBook();
    await tamperLive(dir, (store) => store.commit([], liveCheckpoint(head - 1n)));
    const { code, err } = await check(dir, '--wait', '0');
    expect(code).toBe(1);
    expect(err).toContain(`live projections behind the log head ${head}: loan-summary at ${head - 1n}`);
  });

  it.each([
    [['--wait', 'soon'], '--wait must be a whole number of seconds'],
    [['--projection', 'nope'], 'no projection named nope'],
  ])('exits 2 for %j', async (args, message) => {
    const { code, err } = await check(copyOfBook(), ...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('refuses --wait without --check', async () => {
    const io = captureIo({ LENDCORE_DATA_DIR: copyOfBook() });
    expect(await main(['replay', '--wait', '5'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--wait goes with --check');
  });
});

describe('catchUpTo', () => {
  it('brings a scratch projection to exactly the position asked, then equal to the live model at the head', async () => {
    const dir = copyOfBook();
    const eventStore = SqliteEventStore.open({ path: path.join(dir, 'lendcore.db'), upcasters: lendcoreUpcasters() });
    const live = SqliteReadStore.open({ path: path.join(dir, 'readmodels.db') });
    const scratch = SqliteReadStore.open({ path: path.join(dir, 'scratch.db') });
    try {
      for (const spec of loanSummaryProjection.collections) await scratch.ensureCollection(spec);
      const options = { eventStore, store: scratch, projection: loanSummaryProjection, knownEventTypes: new Set(ALL_EVENT_TYPES), batchSize: 50 };
      const middle = head / 2n;
      expect(await catchUpTo({ ...options, to: middle })).toBe(middle);
      expect((await scratch.getCheckpoint(loanSummaryProjection.name))?.position).toBe(middle);
      expect(projectionIdentical(await compareProjection(live, scratch, loanSummaryProjection))).toBe(false);
      expect(await catchUpTo({ ...options, to: head + 10n })).toBe(head);
      expect(projectionIdentical(await compareProjection(live, scratch, loanSummaryProjection))).toBe(true);
    } finally {
      await Promise.all([eventStore.close(), live.close(), scratch.close()]);
    }
  });
});

describe('replayCheck', () => {
  it('brings the scratch up to live projections that moved past the rebuild, then compares', async () => {
    const dir = copyOfBook();
    const eventStore = SqliteEventStore.open({ path: path.join(dir, 'lendcore.db'), upcasters: lendcoreUpcasters(), pollMs: 5 });
    const live = SqliteReadStore.open({ path: path.join(dir, 'readmodels.db') });
    const scratch = SqliteReadStore.open({ path: path.join(dir, 'scratch.db') });
    const runner = createProjectionRunner({ eventStore, readStore: live, registry: new Registry() });
    const [first, second] = (await live.find<Doc>('product_catalog', { limit: 2 })).items.map((p) => p.id);
    const retire = (productId: string) => eventStore.append(`product-${productId}`, [{
      type: 'LoanProductRetired', data: { productId, reason: 'replay check test' }, occurredAt: '2026-03-01T10:00:00Z',
      actor: { sub: 'admin-ada', role: 'admin' }, correlationId: 'replay-check-test',
    }], 'stream_exists');
    try {
      // The log is one event ahead of the live models, so the check waits; meanwhile another event lands and is projected.
      await retire(first!);
      let projecting: Promise<unknown> = Promise.resolve();
      const result = await replayCheck({
        eventStore, live, scratch, projections: [productCatalogProjection], waitMs: 20_000,
        onRebuilt: () => void (projecting = retire(second!).then(() => runner.start())),
      });
      await projecting;
      expect(result.rebuiltTo).toBe(head + 1n);
      expect(result.identical).toBe(true);
      expect(result.comparisons[0]).toMatchObject({ livePosition: head + 2n, rebuiltPosition: head + 2n });
      expect((await scratch.get<Doc>('product_catalog', second!))?.retired).toBe(true);
    } finally {
      await runner.stop();
      await Promise.all([eventStore.close(), live.close(), scratch.close()]);
    }
  });
});

const mongoTitle = 'a scratch store beside a MongoDB read store';
describe.skipIf(mongoSkip !== null)(mongoSkip === null ? mongoTitle : `${mongoTitle} (skipped: ${mongoSkip})`, () => {
  it('is a temp database on the same server, dropped by discard', async () => {
    const mongo = await startMongo();
    const client = await MongoClient.connect(mongo.url);
    try {
      const scratch = await openScratchReadStore({ kind: 'mongodb', url: withDatabase(mongo.url, 'lendcore-live') });
      const database = /^database (\S+)$/.exec(scratch.where)?.[1];
      expect(database).toMatch(/^lendcore_replay_check_/);
      await scratch.store.ensureCollection({ name: 'loan_view', indexes: [] });
      await scratch.store.commit([{ op: 'put', collection: 'loan_view', doc: { id: 'l1' } }], liveCheckpoint(1n));
      const names = async () => (await client.db().admin().listDatabases()).databases.map((d) => d.name);
      expect(await names()).toContain(database);
      await scratch.discard();
      expect(await names()).not.toContain(database);
    } finally {
      await client.close();
      await mongo.stop();
    }
  }, 180_000);
});
