import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/readstore/port.js';
import { fieldValue } from '../../src/readstore/sqlite-field-value.js';
import { READ_STORE_PAGE_SIZE, SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';

const cp = (position: bigint) => ({ projection: 'p', version: 1, position, updatedAt: 't' });

function queryPlan(path: string, sql: string): string {
  const raw = new Database(path, { readonly: true });
  try {
    return (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
  } finally {
    raw.close();
  }
}

describe('SqliteReadStore field columns', () => {
  let dir: string;
  let path: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-sqlite-fields-'));
    path = join(dir, 'read.db');
    store = SqliteReadStore.open({ path });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates its file with the read-store page size, and reopens a file made with another page size as it is', async () => {
    await store.commit([], cp(1n));
    const pageSize = (file: string) => {
      const raw = new Database(file, { readonly: true });
      try {
        return raw.pragma('page_size', { simple: true });
      } finally {
        raw.close();
      }
    };
    expect(pageSize(path)).toBe(READ_STORE_PAGE_SIZE);
    const older = join(dir, 'older.db');
    const made = new Database(older);
    made.exec("CREATE TABLE kept (x); INSERT INTO kept VALUES (1)");
    made.close();
    const reopened = SqliteReadStore.open({ path: older });
    await reopened.ensureCollection({ name: 'loans', indexes: ['status'] });
    await reopened.commit([{ op: 'put', collection: 'loans', doc: { id: 'l-1', status: 'active' } }], cp(2n));
    expect(await reopened.get('loans', 'l-1')).toEqual({ id: 'l-1', status: 'active' });
    await reopened.close();
    expect(pageSize(older)).toBe(4_096);
  });

  it('fills a field column with exactly what json_extract reads from the stored JSON', () => {
    const db = new Database(':memory:');
    const value = fc.oneof(fc.string(), fc.double(), fc.constant(-0), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.constantFrom('b', 'length'), fc.string()));
    const field = fc.constantFrom('a', 'a.b', 'a.length', 'a.b.c', 'missing', 'constructor', 'a.toString');
    fc.assert(
      fc.property(fc.record({ a: value }), field, (shape, path) => {
        const doc: Doc = { id: 'x', ...shape };
        const stmt = db.prepare(`SELECT json_extract(?, '$.${path}') AS v`);
        expect(fieldValue(doc, path)).toEqual((stmt.get(JSON.stringify(doc)) as { v: unknown }).v);
      }),
      { numRuns: 500 },
    );
    db.close();
  });

  it('declares a deferred collection\'s fields for find, and builds the indexes when ensured again', async () => {
    await store.ensureCollection({ name: 'loans', indexes: ['status', 'outstanding.total'], deferIndexes: true });
    await store.commit([
      { op: 'put', collection: 'loans', doc: { id: 'a', status: 'active', outstanding: { total: 5 } } },
      { op: 'put', collection: 'loans', doc: { id: 'b', status: 'closed', outstanding: { total: 0 } } },
    ], cp(1n));
    expect((await store.find('loans', { where: { status: 'active' } })).items.map((d) => d.id)).toEqual(['a']);
    expect(queryPlan(path, `SELECT id FROM "rm_loans" WHERE "f_status" = 'active'`)).not.toMatch(/INDEX/);
    await store.ensureCollection({ name: 'loans', indexes: ['status', 'outstanding.total'] });
    expect(queryPlan(path, `SELECT id FROM "rm_loans" WHERE "f_status" = 'active'`)).toMatch(/USING (COVERING )?INDEX/);
    expect((await store.find('loans', { where: { 'outstanding.total': { gte: 1 } } })).items.map((d) => d.id)).toEqual(['a']);
  });

  it('keeps serving and writing a table made with generated json_extract columns', async () => {
    await store.close();
    const raw = new Database(path);
    raw.exec(`CREATE TABLE "rm_loans" (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
      ALTER TABLE "rm_loans" ADD COLUMN "f_status" GENERATED ALWAYS AS (json_extract(doc, '$.status')) VIRTUAL;
      CREATE INDEX "ix_loans_old" ON "rm_loans" ("f_status", id);`);
    raw.prepare(`INSERT INTO "rm_loans" (id, doc) VALUES (?, ?)`).run('a', JSON.stringify({ id: 'a', status: 'active', branch: 'north' }));
    raw.close();
    store = SqliteReadStore.open({ path });
    await store.ensureCollection({ name: 'loans', indexes: ['status', 'branch'] });
    await store.commit([{ op: 'put', collection: 'loans', doc: { id: 'b', status: 'active', branch: 'south' } }], cp(1n));
    expect((await store.find('loans', { where: { status: 'active' }, sort: { field: 'branch', direction: 'asc' } })).items.map((d) => d.id)).toEqual(['a', 'b']);
    expect((await store.find('loans', { where: { branch: 'north' } })).items.map((d) => d.id)).toEqual(['a']);
  });
});
