import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoanStates } from '../../src/projections/loan-states.js';
import { BatchContext } from '../../src/projections/batch-context.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';

describe('BatchContext (what handlers see inside a batch)', () => {
  let dir: string;
  let store: SqliteReadStore;
  let ctx: BatchContext;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-batch-'));
    store = SqliteReadStore.open({ path: join(dir, 'read.db') });
    await store.ensureCollection({ name: 'loans__shadow', indexes: ['customerId', 'rank'] });
    await store.commit(
      ['a', 'b', 'c'].map((id, i) => ({ op: 'put' as const, collection: 'loans__shadow', doc: { id, customerId: 'c1', rank: i } })),
      { projection: 'p', version: 1, position: 1n, updatedAt: 't' },
    );
    ctx = new BatchContext(store, new Map([['loans', 'loans__shadow']]), 'p', new LoanStates({ read: async () => [], snapshot: async () => null }));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads staged writes before the store and caches what it read', async () => {
    const get = vi.spyOn(store, 'get');
    expect(await ctx.get('loans', 'a')).toMatchObject({ rank: 0 });
    expect(await ctx.get('loans', 'a')).toMatchObject({ rank: 0 });
    expect(await ctx.get('loans', 'zz')).toBeNull();
    expect(await ctx.get('loans', 'zz')).toBeNull();
    expect(get).toHaveBeenCalledTimes(2);
    ctx.put('loans', { id: 'a', customerId: 'c1', rank: 9 });
    ctx.delete('loans', 'b');
    expect(await ctx.get('loans', 'a')).toMatchObject({ rank: 9 });
    expect(await ctx.get('loans', 'b')).toBeNull();
  });

  it('prefetches in one query what the batch has not read or written, then answers gets from it', async () => {
    const get = vi.spyOn(store, 'get');
    const getMany = vi.spyOn(store, 'getMany');
    expect(await ctx.get('loans', 'a')).toMatchObject({ rank: 0 });
    ctx.put('loans', { id: 'b', customerId: 'c1', rank: 7 });
    await ctx.prefetch('loans', ['a', 'b', 'c', 'zz', 'c']);
    expect(getMany).toHaveBeenCalledTimes(1);
    expect(getMany).toHaveBeenCalledWith('loans__shadow', ['c', 'zz']);
    expect(await ctx.get('loans', 'b')).toMatchObject({ rank: 7 });
    expect(await ctx.get('loans', 'c')).toMatchObject({ rank: 2 });
    expect(await ctx.get('loans', 'zz')).toBeNull();
    await ctx.prefetch('loans', ['a', 'c', 'zz']);
    expect(getMany).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledTimes(1);
    await expect(ctx.prefetch('ledger', ['x'])).rejects.toThrow(/does not own collection ledger/);
  });

  it('merges staged writes into find results in sort order and within the limit', async () => {
    ctx.put('loans', { id: 'a', customerId: 'c2', rank: 0 });
    ctx.put('loans', { id: 'd', customerId: 'c1', rank: -1 });
    ctx.delete('loans', 'c');
    const page = await ctx.find('loans', { where: { customerId: 'c1' }, sort: { field: 'rank', direction: 'asc' }, limit: 2 });
    expect(page.items.map((d) => d.id)).toEqual(['d', 'b']);
    const all = await ctx.find('loans', { where: { rank: { gte: -1, lte: 5 } }, sort: { field: 'rank', direction: 'desc' } });
    expect(all.items.map((d) => d.id)).toEqual(['b', 'a', 'd']);
    await expect(ctx.find('loans', { cursor: 'x' })).rejects.toThrow(/cannot page with a cursor/);
  });

  it('writes one entry per document, last write wins, under the store collection name', () => {
    ctx.put('loans', { id: 'a', rank: 1 });
    ctx.put('loans', { id: 'a', rank: 2 });
    ctx.put('loans', { id: 'b', rank: 3 });
    ctx.delete('loans', 'b');
    expect(ctx.writes()).toEqual([
      { op: 'put', collection: 'loans__shadow', doc: { id: 'a', rank: 2 } },
      { op: 'delete', collection: 'loans__shadow', id: 'b' },
    ]);
    expect(() => ctx.put('ledger', { id: 'x' })).toThrow(/does not own collection ledger/);
  });
});
