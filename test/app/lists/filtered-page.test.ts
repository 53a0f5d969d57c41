import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFiltered, findMerged } from '../../../src/app/lists/filtered-page.js';
import type { Doc } from '../../../src/readstore/port.js';
import { SqliteReadStore } from '../../../src/readstore/sqlite-read-store.js';

interface Row extends Doc { status: string; day: string | null; n: number }

const dir = mkdtempSync(path.join(tmpdir(), 'lendcore-pages-'));
const store = SqliteReadStore.open({ path: path.join(dir, 'rm.db') });
const STATUSES = ['a', 'b', 'c'];
const rows: Row[] = Array.from({ length: 30 }, (_, i) => ({
  id: `r${String(i).padStart(2, '0')}`, status: STATUSES[i % 3] ?? 'a', day: i % 7 === 0 ? null : `2026-01-${String((i * 7) % 28 + 1).padStart(2, '0')}`, n: i,
}));

beforeAll(async () => {
  await store.ensureCollection({ name: 'rows', indexes: ['status', 'day'] });
  await store.commit(rows.map((doc) => ({ op: 'put', collection: 'rows', doc })), { projection: 't', version: 1, position: 1n, updatedAt: '' });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every page in turn, as a client follows nextCursor. */
async function all(page: (cursor: string | null) => Promise<{ items: Row[]; nextCursor: string | null }>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const next = await page(cursor);
    ids.push(...next.items.map((r) => r.id));
    cursor = next.nextCursor;
  } while (cursor);
  return ids;
}

const sorted = (list: Row[], field: 'id' | 'day', desc: boolean) => {
  const key = (r: Row) => `${r[field] === null ? '0' : '1'}${r[field] ?? ''}|${r.id}`;
  const asc = [...list].sort((x, y) => (key(x) < key(y) ? -1 : 1));
  return (desc ? asc.reverse() : asc).map((r) => r.id);
};

describe('findFiltered and findMerged', () => {
  it('page a predicate the store cannot evaluate: every match once, in order', async () => {
    const keep = (r: Row) => r.n % 4 === 1;
    const ids = await all((cursor) => findFiltered<Row>(store, 'rows', { sort: { field: 'day', direction: 'asc' }, limit: 3, cursor }, keep));
    expect(ids).toEqual(sorted(rows.filter(keep), 'day', false));
  });

  it.each([['id', false], ['id', true], ['day', false], ['day', true]] as const)('merge two statuses as one list sorted on %s (desc %s)', async (field, desc) => {
    const keep = (r: Row) => r.n > 2;
    const ids = await all((cursor) => findMerged<Row>(store, 'rows', [{ status: 'a' }, { status: 'c' }], {
      sort: { field, direction: desc ? 'desc' : 'asc' }, limit: 4, cursor,
    }, keep));
    expect(ids).toEqual(sorted(rows.filter((r) => (r.status === 'a' || r.status === 'c') && keep(r)), field, desc));
  });
});
