import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { defineProduct, disbursedLoan, read, repay, useBusinessClock, verifiedCustomer } from './journey.js';

interface LoanPage { items: { id: string; nextDue: { date: string } | null }[]; nextCursor: string | null }

let t: TestApp;
beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  await verifiedCustomer(t, 'c1');
  // Three loans due on the same day (2026-02-15): the id breaks the tie.
  for (const id of ['la', 'lb', 'lc']) await disbursedLoan(t, id, 'c1');
  await t.caughtUp(await t.runtime.eventStore.headPosition());
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

/** One page of the list sorted on `sort`, one loan a page. */
const page = (sort: string, cursor: string | null) => read<LoanPage>(t, STAFF.officer, `/v1/loans?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
/** A payment of row 1 between two pages: the loan's next due date moves from 02-15 to 03-15. */
const payRowOne = async (loanId: string) => t.caughtUp(await repay(t, loanId, 'c1', '1020.07', '2026-02-15', `${loanId}-feb`));

async function pageThrough(sort: string, between: Record<number, string>): Promise<string[]> {
  const listed: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; ; n += 1) {
    const answer = await page(sort, cursor);
    listed.push(...answer.items.map((l) => `${l.id}@${l.nextDue?.date ?? '-'}`));
    if (answer.nextCursor === null) return listed;
    cursor = answer.nextCursor;
    const moved = between[n];
    if (moved !== undefined) await payRowOne(moved);
  }
}

describe('GET /v1/loans?sort=nextDueDate while payments move loans between pages (keyset on (nextDueDate, id), no snapshot)', () => {
  it('ascending: the loans no payment moved are listed once; the one paid after its page is listed again at its new date', async () => {
    expect(await pageThrough('nextDueDate', { 0: 'la' })).toEqual(['la@2026-02-15', 'lb@2026-02-15', 'lc@2026-02-15', 'la@2026-03-15']);
  });

  it('descending: the loans no payment moved are listed once; one paid before its page moved behind the cursor and is missed (documented)', async () => {
    // Now la is due 03-15, lb and lc 02-15: la, lc, lb. After page 1 (la), a payment moves lb to 03-15, ahead of la in this order.
    expect(await pageThrough('-nextDueDate', { 0: 'lb' })).toEqual(['la@2026-03-15', 'lc@2026-02-15']);
  });
});
