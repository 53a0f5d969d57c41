import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';

describe('SqliteReadStore', () => {
  let dir: string;
  let path: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-sqlite-read-'));
    path = join(dir, 'read.db');
    store = SqliteReadStore.open({ path });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const cp = (position: bigint) => ({ projection: 'p', version: 1, position, updatedAt: 't' });

  it('keeps documents, declared indexes and checkpoints across a reopen', async () => {
    await store.ensureCollection({ name: 'loans', indexes: ['status', 'outstanding.total'] });
    await store.commit([{ op: 'put', collection: 'loans', doc: { id: 'a', status: 'active', outstanding: { total: 5 } } }], cp(3n));
    await store.close();
    store = SqliteReadStore.open({ path, synchronous: 'FULL' });
    expect((await store.find('loans', { where: { 'outstanding.total': { gte: 5 } } })).items).toEqual([{ id: 'a', status: 'active', outstanding: { total: 5 } }]);
    expect((await store.getCheckpoint('p'))?.position).toBe(3n);
  });

  it('adds an index declared later to an existing collection, backed by a real SQLite index', async () => {
    await store.ensureCollection({ name: 'loans', indexes: ['status'] });
    await store.commit([{ op: 'put', collection: 'loans', doc: { id: 'a', status: 'active', branch: 'north' } }], cp(1n));
    await expect(store.find('loans', { where: { branch: 'north' } })).rejects.toMatchObject({ code: 'UNDECLARED_FIELD' });
    await store.ensureCollection({ name: 'loans', indexes: ['status', 'branch'] });
    expect((await store.find('loans', { where: { branch: 'north' } })).items).toHaveLength(1);
    const raw = new Database(path, { readonly: true });
    const plan = raw.prepare(`EXPLAIN QUERY PLAN SELECT id FROM "rm_loans" WHERE "f_branch" = 'north'`).all() as { detail: string }[];
    raw.close();
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/);
  });

  it('refuses collections that were never ensured, without touching anything', async () => {
    await store.ensureCollection({ name: 'loans', indexes: [] });
    await expect(store.get('ghosts', 'a')).rejects.toMatchObject({ code: 'UNKNOWN_COLLECTION' });
    await expect(store.find('ghosts')).rejects.toMatchObject({ code: 'UNKNOWN_COLLECTION' });
    await expect(store.commit([{ op: 'put', collection: 'loans', doc: { id: 'a' } }, { op: 'delete', collection: 'ghosts', id: 'a' }], cp(1n))).rejects.toMatchObject({
      code: 'UNKNOWN_COLLECTION',
    });
    await expect(store.swapCollections([{ from: 'ghosts', to: 'loans' }], cp(2n))).rejects.toMatchObject({ code: 'UNKNOWN_COLLECTION' });
    expect(await store.get('loans', 'a')).toBeNull();
    expect(await store.getCheckpoint('p')).toBeNull();
  });

  it('rejects field names that could escape a SQL identifier or literal', async () => {
    await expect(store.ensureCollection({ name: 'loans', indexes: ["x') OR 1=1 --"] })).rejects.toMatchObject({ code: 'INVALID_NAME' });
    await expect(store.ensureCollection({ name: 'loans', indexes: ['a"b'] })).rejects.toMatchObject({ code: 'INVALID_NAME' });
  });
});
