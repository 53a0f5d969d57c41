import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BlindIndex, deriveBlindIndexKey } from '../../src/vault/blind-index.js';
import { profileTerms, queryTerms } from '../../src/vault/blind-index-terms.js';
import { MemoryBlindIndexStore } from '../../src/vault/memory-blind-index-store.js';
import { SqliteBlindIndexStore } from '../../src/vault/sqlite-blind-index-store.js';

const ZHANG = { name: 'Zhang  San', nationalId: '11010519900101123x', phone: '138-1234-1234', email: 'Zhang.San@Example.com' };
const dir = mkdtempSync(path.join(tmpdir(), 'lendcore-blind-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('blind-index terms', () => {
  it('indexes every name prefix and the other fields normalised', () => {
    const terms = profileTerms(ZHANG);
    expect(terms.filter((t) => t.field === 'name').map((t) => t.value)).toEqual(['z', 'zh', 'zha', 'zhan', 'zhang', 'zhang ', 'zhang s', 'zhang sa', 'zhang san']);
    expect(terms.filter((t) => t.field !== 'name')).toEqual([
      { field: 'phone', value: '13812341234' }, { field: 'nationalId', value: '11010519900101123X' }, { field: 'email', value: 'zhang.san@example.com' },
    ]);
    expect(profileTerms({ name: '张三丰', nationalId: 'x', phone: '1' }).filter((t) => t.field === 'name').map((t) => t.value)).toEqual(['张', '张三', '张三丰']);
  });

  it('reads a query as whatever its shape allows', () => {
    expect(queryTerms('Zhang').map((t) => t.field)).toEqual(['name']);
    // A run of digits may be a phone or a national id: both are looked up (a mobile also in its older +86 spellings).
    expect(queryTerms('138 1234 1234').map((t) => [t.field, t.value])).toEqual([
      ['name', '138 1234 1234'], ['phone', '13812341234'], ['phone', '8613812341234'], ['phone', '008613812341234'], ['nationalId', '13812341234'],
    ]);
    expect(queryTerms('+86 (138) 1234').map((t) => t.field)).toEqual(['name', 'phone']);
    expect(queryTerms('zhang.san@example.com').map((t) => t.field)).toEqual(['name', 'email']);
    expect(queryTerms('11010519900101123x').map((t) => t.field)).toEqual(['name', 'nationalId']);
  });
});

describe.each([
  ['memory', () => new MemoryBlindIndexStore()],
  ['sqlite', () => SqliteBlindIndexStore.open({ path: path.join(dir, `${randomBytes(4).toString('hex')}.db`) })],
])('BlindIndex over the %s store', (_name, open) => {
  it('finds by name prefix and exact phone, national id and e-mail, pages by id, and forgets an erased customer', async () => {
    const index = new BlindIndex(open(), deriveBlindIndexKey(randomBytes(32)));
    await index.index('c1', ZHANG);
    await index.index('c2', { name: 'Zhang Wei', nationalId: '220105199202023456', phone: '13900000000', email: null });
    await index.index('c3', { name: 'Li Si', nationalId: '330105199303033456', phone: '13700000000' });
    expect(await index.search('ZHANG', null, 10)).toEqual([{ customerId: 'c1', fields: ['name'] }, { customerId: 'c2', fields: ['name'] }]);
    expect(await index.search('zhang s', null, 10)).toEqual([{ customerId: 'c1', fields: ['name'] }]);
    expect(await index.search('+138 1234 1234'.slice(1), null, 10)).toEqual([{ customerId: 'c1', fields: ['phone'] }]);
    expect(await index.search('1381234', null, 10)).toEqual([]);
    expect(await index.search('zhang.san@EXAMPLE.com ', null, 10)).toEqual([{ customerId: 'c1', fields: ['email'] }]);
    expect(await index.search('330105199303033456', null, 10)).toEqual([{ customerId: 'c3', fields: ['nationalId'] }]);
    expect(await index.search('zh', 'c1', 10)).toEqual([{ customerId: 'c2', fields: ['name'] }]);
    expect(await index.search('zh', null, 1)).toEqual([{ customerId: 'c1', fields: ['name'] }]);
    await index.drop('c1');
    expect(await index.search('zhang', null, 10)).toEqual([{ customerId: 'c2', fields: ['name'] }]);
    expect(await index.search('13812341234', null, 10)).toEqual([]);
    await index.close();
  });
});

describe('blind-index keys and storage', () => {
  it('derives the same key from the same master key and another from another, and stores no value in clear', async () => {
    const master = randomBytes(32);
    expect(deriveBlindIndexKey(master).equals(deriveBlindIndexKey(Buffer.from(master)))).toBe(true);
    expect(deriveBlindIndexKey(master).equals(deriveBlindIndexKey(randomBytes(32)))).toBe(false);
    expect(deriveBlindIndexKey(master).equals(master)).toBe(false);
    const file = path.join(dir, 'clear.db');
    const index = new BlindIndex(SqliteBlindIndexStore.open({ path: file }), deriveBlindIndexKey(master));
    await index.index('c1', ZHANG);
    await index.close();
    const bytes = readFileSync(file).toString('latin1');
    for (const value of ['zhang', '13812341234', '11010519900101123X', 'example.com']) expect(bytes.toLowerCase()).not.toContain(value.toLowerCase());
  });
});
