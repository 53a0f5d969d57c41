import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted } from '../commands/journey-steps.js';

interface SearchPage { items: { id: string; name: string | null; phone: string | null; matchedOn: string[]; kycStatus: string }[]; nextCursor: string | null }

const PEOPLE = [
  { customerId: 'c1', name: 'Zhang San', nationalId: '11010519900101123X', phone: '13812341234', email: 'zhang.san@example.com' },
  { customerId: 'c2', name: 'Zhang Wei', nationalId: '220105199202023456', phone: '13900000000', email: 'wei@example.com' },
  { customerId: 'c3', name: '李四', nationalId: '330105199303033456', phone: '13700000000' },
];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  for (const person of PEOPLE) accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', person));
  await t.caughtUp(await t.runtime.eventStore.headPosition());
});
afterAll(() => t.close());

async function search(q: string, extra = ''): Promise<SearchPage> {
  const res = await t.call(STAFF.officer, 'GET', `/v1/customers?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchPage;
}
const ids = (page: SearchPage) => page.items.map((c) => c.id);

describe('GET /v1/customers?q=', () => {
  it('finds by name prefix, any case, and shows the customers masked', async () => {
    const page = await search('zhang');
    expect(ids(page)).toEqual(['c1', 'c2']);
    expect(page.items[0]).toMatchObject({ name: 'Z**** S**', phone: expect.stringMatching(/\*/), matchedOn: ['name'], kycStatus: 'not_submitted' });
    expect(ids(await search('Zhang W'))).toEqual(['c2']);
    expect(ids(await search('李'))).toEqual(['c3']);
  });

  it('finds by phone, national id and e-mail exactly', async () => {
    expect(ids(await search('138 1234 1234'))).toEqual(['c1']);
    expect(ids(await search('1381234123'))).toEqual([]);
    expect(ids(await search('11010519900101123x'))).toEqual(['c1']);
    expect((await search('ZHANG.SAN@example.com')).items[0]).toMatchObject({ id: 'c1', matchedOn: ['email'] });
  });

  it('pages with limit and cursor, and refuses a cursor it did not issue', async () => {
    const first = await search('zh', '&limit=1');
    expect(ids(first)).toEqual(['c1']);
    const second = await search('zh', `&limit=1&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual(['c2']);
    expect(second.nextCursor).toBeNull();
    const bad = await t.call(STAFF.officer, 'GET', '/v1/customers?q=zh&cursor=bad');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('refuses an empty query and a borrower', async () => {
    expect((await t.call(STAFF.officer, 'GET', '/v1/customers?q=%20')).statusCode).toBe(400);
    expect((await t.call(STAFF.officer, 'GET', '/v1/customers')).statusCode).toBe(400);
    expect((await t.call(borrower('c1'), 'GET', '/v1/customers?q=zhang')).statusCode).toBe(403);
  });

  it('forgets an erased customer: none of its PII finds it any more', async () => {
    accepted(await t.call(STAFF.compliance, 'DELETE', '/v1/customers/c2/pii', { reason: 'right to erasure' }));
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    expect(ids(await search('zhang'))).toEqual(['c1']);
    expect(ids(await search('13900000000'))).toEqual([]);
    expect(ids(await search('wei@example.com'))).toEqual([]);
  });
});
