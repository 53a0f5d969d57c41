import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { findingBook } from './finding-book.js';
import { call, read, useBusinessClock } from './journey.js';

interface LoanPage { items: { id: string; customerId: string; status: string; daysPastDue: number }[]; nextCursor: string | null }

let t: TestApp;
let head: string;
beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  head = await findingBook(t);
  await t.caughtUp(head);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

const ids = (page: LoanPage) => page.items.map((l) => l.id);

describe('GET /v1/loans', () => {
  it('lists loan summaries in id order with the DESIGN.md shape', async () => {
    const page = await read<LoanPage>(t, STAFF.officer, `/v1/loans?minPosition=${head}`);
    expect(ids(page)).toEqual(['l1', 'l2', 'l3', 'l4', 'l5']);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({ id: 'l1', customerId: 'c1', productId: 'personal-12', status: 'active', currency: 'CNY', principal: '3000.00' });
    expect(page.items[0]).not.toHaveProperty('state');
  });

  it('filters on status, customer, product, classification and the disbursement window', async () => {
    expect(ids(await read<LoanPage>(t, STAFF.officer, '/v1/loans?status=assessed'))).toEqual(['l4']);
    expect(ids(await read<LoanPage>(t, STAFF.officer, '/v1/loans?customerId=c1'))).toEqual(['l1', 'l5']);
    expect(ids(await read<LoanPage>(t, STAFF.officer, '/v1/loans?productId=personal-12&customerId=c3'))).toEqual(['l3', 'l4']);
    expect(ids(await read<LoanPage>(t, STAFF.officer, '/v1/loans?productId=other'))).toEqual([]);
    expect(ids(await read<LoanPage>(t, STAFF.officer, '/v1/loans?disbursedFrom=2026-01-15&disbursedTo=2026-01-15'))).toEqual(['l1', 'l2']);
    expect(ids(await read<LoanPage>(t, STAFF.officer, '/v1/loans?disbursedFrom=2026-01-16'))).toEqual([]);
    expect(ids(await read<LoanPage>(t, STAFF.officer, '/v1/loans?classification=special-mention'))).toEqual(['l2']);
  });

  it('filters on days past due', async () => {
    const overdue = await read<LoanPage>(t, STAFF.officer, '/v1/loans?dpdFrom=1');
    expect(ids(overdue)).toEqual(['l2']);
    expect(overdue.items[0]).toMatchObject({ status: 'overdue', daysPastDue: 5 });
    expect(ids(await read<LoanPage>(t, STAFF.officer, '/v1/loans?dpdFrom=6'))).toEqual([]);
    expect(ids(await read<LoanPage>(t, STAFF.officer, '/v1/loans?dpdTo=0'))).toEqual(['l1', 'l3', 'l4', 'l5']);
  });

  it('pages with limit and an opaque cursor, the same filters on every page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: LoanPage = await read<LoanPage>(t, STAFF.officer, `/v1/loans?limit=2&dpdTo=0${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['l1', 'l3', 'l4', 'l5']);
  });

  it('sorts by disbursement date and next due date, either way', async () => {
    const latest = await read<LoanPage>(t, STAFF.officer, '/v1/loans?sort=-disbursedOn&limit=2');
    expect(ids(latest)).toEqual(['l2', 'l1']);
    const next = await read<LoanPage>(t, STAFF.officer, `/v1/loans?sort=-disbursedOn&limit=2&cursor=${latest.nextCursor}`);
    expect(ids(next)).toHaveLength(2);
    expect(ids(next)).not.toContain('l1');
  });

  it('gives a borrower only its own loans, whatever customerId it names', async () => {
    expect(ids(await read<LoanPage>(t, borrower('c1'), '/v1/loans'))).toEqual(['l1', 'l5']);
    expect(ids(await read<LoanPage>(t, borrower('c1'), '/v1/loans?customerId=c3'))).toEqual(['l1', 'l5']);
  });

  it('refuses a bad cursor, an unknown filter, a limit over 200 and an inverted dpd window with 400 problem+json', async () => {
    for (const url of ['/v1/loans?cursor=not-a-cursor', '/v1/loans?colour=red', '/v1/loans?limit=201', '/v1/loans?dpdFrom=5&dpdTo=1', '/v1/loans?sort=amount', '/v1/loans?status=lost']) {
      const res = await call(t, STAFF.officer, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const idCursor = (await read<LoanPage>(t, STAFF.officer, '/v1/loans?limit=1')).nextCursor;
    const mismatched = await call(t, STAFF.officer, 'GET', `/v1/loans?sort=disbursedOn&cursor=${idCursor}`);
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json()).toMatchObject({ code: 'INVALID_CURSOR' });
    // The same key descending (QA probe3 "cursor + other sort": 200 with an empty page before).
    const reversed = await call(t, STAFF.officer, 'GET', `/v1/loans?limit=1&sort=-id&cursor=${idCursor}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reversed.json()).toMatchObject({ code: 'INVALID_CURSOR', detail: expect.stringMatching(/issued for another sort/) });
  });
});
