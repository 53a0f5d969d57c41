import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Checkpoint, Doc, ReadStore } from '../../src/readstore/port.js';
import { ReadStoreError } from '../../src/readstore/errors.js';

/** What every ReadStore adapter must do; the SQLite and MongoDB suites both run this file. */
export function readStoreContract(name: string, factory: () => Promise<{ store: ReadStore; cleanup(): Promise<void> }>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;
    const loans = { name: 'loans', indexes: ['customerId', 'principal', 'status', 'active', 'rank'] };
    const checkpoint = (position: bigint, projection = 'test', version = 1): Checkpoint => ({
      projection,
      version,
      position,
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    const put = (doc: Doc, collection = 'loans') => ({ op: 'put' as const, collection, doc });
    const ids = (docs: Doc[]) => docs.map((d) => d.id);

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      await store.ensureCollection(loans);
    });
    afterEach(async () => cleanup());

    async function seed(count: number, make: (i: number) => Doc): Promise<void> {
      await store.commit(Array.from({ length: count }, (_, i) => put(make(i))), checkpoint(BigInt(count)));
    }

    async function collect(query: { sort?: { field: string; direction: 'asc' | 'desc' }; limit: number }): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Doc[]; nextCursor: string | null } = await store.find('loans', { ...query, cursor });
        expect(page.items.length).toBeLessThanOrEqual(query.limit);
        seen.push(...ids(page.items));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    }

    it('puts, gets, replaces and deletes documents', async () => {
      await store.commit([put({ id: 'a', status: 'active', nested: { amount: '10.50' } })], checkpoint(1n));
      expect(await store.get('loans', 'a')).toEqual({ id: 'a', status: 'active', nested: { amount: '10.50' } });
      await store.commit([put({ id: 'a', status: 'closed' })], checkpoint(2n));
      expect(await store.get('loans', 'a')).toEqual({ id: 'a', status: 'closed' });
      await store.commit([{ op: 'delete', collection: 'loans', id: 'a' }], checkpoint(3n));
      expect(await store.get('loans', 'a')).toBeNull();
      expect(await store.get('loans', 'never')).toBeNull();
    });

    it('gets many documents by id in one call, leaving out ids with no document', async () => {
      await seed(4, (i) => ({ id: `l${i}`, status: 'active', rank: i }));
      const found = await store.getMany('loans', ['l2', 'never', 'l0', 'l2']);
      expect([...found.keys()].sort()).toEqual(['l0', 'l2']);
      expect(found.get('l2')).toEqual({ id: 'l2', status: 'active', rank: 2 });
      expect((await store.getMany('loans', [])).size).toBe(0);
      await store.commit([{ op: 'delete', collection: 'loans', id: 'l0' }], checkpoint(5n));
      expect([...(await store.getMany('loans', ['l0', 'l1'])).keys()]).toEqual(['l1']);
      await expect(store.getMany('nope', ['l1'])).rejects.toBeInstanceOf(ReadStoreError);
    });

    it('ensureCollection is idempotent and keeps the data', async () => {
      await seed(3, (i) => ({ id: `l${i}`, status: 'active' }));
      await store.ensureCollection(loans);
      expect((await store.find('loans', { where: { status: 'active' } })).items).toHaveLength(3);
    });

    it('finds by equality on strings, numbers, booleans and null', async () => {
      await seed(6, (i) => ({ id: `l${i}`, customerId: `c${i % 2}`, rank: i % 3, active: i < 2, status: i === 5 ? null : 'active' }));
      expect(ids((await store.find('loans', { where: { customerId: 'c1' } })).items).sort()).toEqual(['l1', 'l3', 'l5']);
      expect(ids((await store.find('loans', { where: { rank: 0 } })).items).sort()).toEqual(['l0', 'l3']);
      expect(ids((await store.find('loans', { where: { active: true } })).items).sort()).toEqual(['l0', 'l1']);
      expect(ids((await store.find('loans', { where: { status: null } })).items)).toEqual(['l5']);
      expect(ids((await store.find('loans', { where: { customerId: 'c0', rank: 2 } })).items)).toEqual(['l2']);
      expect((await store.find('loans', { where: { customerId: 'nobody' } })).items).toEqual([]);
    });

    it('finds by inclusive ranges on numbers and strings', async () => {
      await seed(10, (i) => ({ id: `l${i}`, rank: i, status: `s${i}` }));
      expect(ids((await store.find('loans', { where: { rank: { gte: 3, lte: 5 } } })).items).sort()).toEqual(['l3', 'l4', 'l5']);
      expect(ids((await store.find('loans', { where: { rank: { gte: 8 } } })).items).sort()).toEqual(['l8', 'l9']);
      expect(ids((await store.find('loans', { where: { rank: { lte: 0 } } })).items)).toEqual(['l0']);
      expect(ids((await store.find('loans', { where: { status: { gte: 's7' } } })).items).sort()).toEqual(['l7', 'l8', 'l9']);
    });

    it('sorts ascending and descending, with id breaking ties, and limits', async () => {
      await seed(5, (i) => ({ id: `l${i}`, rank: [3, 1, 2, 1, 5][i] }));
      const asc = await store.find('loans', { sort: { field: 'rank', direction: 'asc' } });
      expect(ids(asc.items)).toEqual(['l1', 'l3', 'l2', 'l0', 'l4']);
      expect(asc.nextCursor).toBeNull();
      const desc = await store.find('loans', { sort: { field: 'rank', direction: 'desc' } });
      expect(ids(desc.items)).toEqual(['l4', 'l0', 'l2', 'l3', 'l1']);
      const limited = await store.find('loans', { sort: { field: 'rank', direction: 'desc' }, limit: 2 });
      expect(ids(limited.items)).toEqual(['l4', 'l0']);
      expect(limited.nextCursor).not.toBeNull();
      expect(ids((await store.find('loans', {})).items)).toEqual(['l0', 'l1', 'l2', 'l3', 'l4']);
    });

    it('pages with cursors over ties in both directions without gaps or repeats', async () => {
      await seed(23, (i) => ({ id: `l${String(i).padStart(2, '0')}`, rank: i % 4 }));
      const expectedAsc = Array.from({ length: 23 }, (_, i) => ({ id: `l${String(i).padStart(2, '0')}`, rank: i % 4 }))
        .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id))
        .map((d) => d.id);
      expect(await collect({ sort: { field: 'rank', direction: 'asc' }, limit: 4 })).toEqual(expectedAsc);
      expect(await collect({ sort: { field: 'rank', direction: 'desc' }, limit: 5 })).toEqual([...expectedAsc].reverse());
      expect(await collect({ limit: 7 })).toEqual([...expectedAsc].sort());
    });

    it('pages with a filter and an exact final page', async () => {
      await seed(8, (i) => ({ id: `l${i}`, customerId: i < 6 ? 'c1' : 'c2', rank: i }));
      const first = await store.find('loans', { where: { customerId: 'c1' }, sort: { field: 'rank', direction: 'asc' }, limit: 3 });
      const second = await store.find('loans', { where: { customerId: 'c1' }, sort: { field: 'rank', direction: 'asc' }, limit: 3, cursor: first.nextCursor });
      expect(ids(first.items)).toEqual(['l0', 'l1', 'l2']);
      expect(ids(second.items)).toEqual(['l3', 'l4', 'l5']);
      expect(second.nextCursor).toBeNull();
    });

    it('rejects undeclared fields, bad collection names and foreign cursors', async () => {
      await expect(store.find('loans', { where: { secret: 'x' } })).rejects.toMatchObject({ code: 'UNDECLARED_FIELD' });
      await expect(store.find('loans', { sort: { field: 'secret', direction: 'asc' } })).rejects.toMatchObject({ code: 'UNDECLARED_FIELD' });
      await expect(store.find('loans', { where: { 'x"; DROP TABLE rm_loans; --': 1 } })).rejects.toBeInstanceOf(ReadStoreError);
      await expect(store.ensureCollection({ name: 'Bad Name', indexes: [] })).rejects.toMatchObject({ code: 'INVALID_NAME' });
      await expect(store.get('loans"; --', 'a')).rejects.toMatchObject({ code: 'INVALID_NAME' });
      await expect(store.find('loans', { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
      await seed(3, (i) => ({ id: `l${i}`, rank: i }));
      const byRank = await store.find('loans', { sort: { field: 'rank', direction: 'asc' }, limit: 1 });
      await expect(store.find('loans', { sort: { field: 'status', direction: 'asc' }, cursor: byRank.nextCursor })).rejects.toMatchObject({
        code: 'INVALID_CURSOR',
      });
      // The same field the other way: the position would page nowhere (an empty page, not a refusal, before).
      await expect(store.find('loans', { sort: { field: 'rank', direction: 'desc' }, cursor: byRank.nextCursor })).rejects.toMatchObject({
        code: 'INVALID_CURSOR', message: expect.stringMatching(/issued for another sort/),
      });
      await expect(store.find('loans', { limit: 0 })).rejects.toMatchObject({ code: 'INVALID_QUERY' });
    });

    it('scans every document in id order across internal pages', async () => {
      await seed(2_345, (i) => ({ id: `l${String(i).padStart(5, '0')}`, rank: i }));
      const seen: string[] = [];
      for await (const doc of store.scan('loans')) seen.push(doc.id);
      expect(seen).toHaveLength(2_345);
      expect(seen).toEqual([...seen].sort());
      expect(seen[0]).toBe('l00000');
    });

    it('commits writes and checkpoint together, or neither when a write fails', async () => {
      await store.commit([put({ id: 'a', rank: 1 })], checkpoint(5n));
      const circular: Doc = { id: 'c' };
      circular.self = circular;
      await expect(store.commit([put({ id: 'b', rank: 2 }), { op: 'delete', collection: 'loans', id: 'a' }, put(circular)], checkpoint(9n))).rejects.toThrow();
      expect(await store.get('loans', 'b')).toBeNull();
      expect(await store.get('loans', 'a')).toEqual({ id: 'a', rank: 1 });
      expect((await store.getCheckpoint('test'))?.position).toBe(5n);
    });

    it('round-trips checkpoints past 2^53', async () => {
      expect(await store.getCheckpoint('test')).toBeNull();
      const big = (1n << 60n) + 3n;
      await store.commit([], checkpoint(big, 'test', 7));
      expect(await store.getCheckpoint('test')).toEqual(checkpoint(big, 'test', 7));
    });

    it('builds a shadow collection and swaps it in atomically with the checkpoint', async () => {
      await store.ensureCollection({ name: 'schedules', indexes: ['loanId'] });
      await store.commit([put({ id: 'old', status: 'live' }), put({ id: 's-old', loanId: 'x' }, 'schedules')], checkpoint(10n));
      await store.ensureCollection({ name: 'loans__shadow', indexes: loans.indexes });
      await store.ensureCollection({ name: 'schedules__shadow', indexes: ['loanId'] });
      await store.commit([put({ id: 'new', status: 'rebuilt' }, 'loans__shadow'), put({ id: 's-new', loanId: 'y' }, 'schedules__shadow')], checkpoint(3n, 'test__rebuild'));
      expect(await store.get('loans', 'new')).toBeNull();

      await store.swapCollections([{ from: 'loans__shadow', to: 'loans' }, { from: 'schedules__shadow', to: 'schedules' }], checkpoint(12n, 'test', 2));
      expect(await store.get('loans', 'old')).toBeNull();
      expect(ids((await store.find('loans', { where: { status: 'rebuilt' } })).items)).toEqual(['new']);
      expect(ids((await store.find('schedules', { where: { loanId: 'y' } })).items)).toEqual(['s-new']);
      expect(await store.getCheckpoint('test')).toMatchObject({ position: 12n, version: 2 });

      // The shadow name is free again for the next rebuild.
      await store.ensureCollection({ name: 'loans__shadow', indexes: loans.indexes });
      expect((await store.find('loans__shadow', { where: { status: 'rebuilt' } })).items).toEqual([]);
    });

    it('drops a collection with its documents', async () => {
      await store.ensureCollection({ name: 'loans__shadow', indexes: ['status'] });
      await store.commit([put({ id: 'a', status: 'x' }, 'loans__shadow')], checkpoint(1n));
      await store.dropCollection('loans__shadow');
      await store.dropCollection('loans__shadow');
      await store.ensureCollection({ name: 'loans__shadow', indexes: ['status'] });
      expect(await store.get('loans__shadow', 'a')).toBeNull();
    });

    it('grants a lease to one owner until it expires, then to the next', async () => {
      const t0 = new Date('2024-01-01T00:00:00Z');
      const at = (ms: number) => new Date(t0.getTime() + ms);
      expect(await store.acquireLease('loan-summary', 'worker-a', 1_000, t0)).toBe(true);
      expect(await store.acquireLease('loan-summary', 'worker-b', 1_000, at(500))).toBe(false);
      expect(await store.acquireLease('other', 'worker-b', 1_000, at(500))).toBe(true);
      expect(await store.acquireLease('loan-summary', 'worker-a', 1_000, at(900))).toBe(true);
      expect(await store.acquireLease('loan-summary', 'worker-b', 1_000, at(1_500))).toBe(false);
      expect(await store.acquireLease('loan-summary', 'worker-b', 1_000, at(1_900))).toBe(true);
      expect(await store.acquireLease('loan-summary', 'worker-a', 1_000, at(2_000))).toBe(false);
      await store.releaseLease('loan-summary', 'worker-a');
      expect(await store.acquireLease('loan-summary', 'worker-a', 1_000, at(2_000))).toBe(false);
      await store.releaseLease('loan-summary', 'worker-b');
      expect(await store.acquireLease('loan-summary', 'worker-a', 1_000, at(2_000))).toBe(true);
    });
  });
}
