import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { businessDay, call, command, defineProduct, disbursedLoan, read, repay, useBusinessClock, verifiedCustomer } from './journey.js';

interface TxPage { items: Record<string, unknown>[]; nextCursor: string | null }

let t: TestApp;
beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  await verifiedCustomer(t, 'c1');
  await disbursedLoan(t, 'l1', 'c1');
  await repay(t, 'l1', 'c1', '1020.07', '2026-02-15', 'feb');
  await repay(t, 'l1', 'c1', '500.00', '2026-03-01', 'mar-part');
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('GET /v1/loans/:id/transactions', () => {
  it('answers the disbursement and each repayment with its allocation, oldest first', async () => {
    const page = await read<TxPage>(t, borrower('c1'), '/v1/loans/l1/transactions');
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((tx) => [tx.type, tx.date, tx.amount])).toEqual([
      ['disbursement', '2026-01-15', '3000.00'],
      ['repayment', '2026-02-15', '1020.07'],
      ['repayment', '2026-03-01', '500.00'],
    ]);
    expect(page.items[0]).toMatchObject({ currency: 'CNY', netAmount: '2970.00', channel: 'bank_transfer', fees: [{ kind: 'origination', amount: '30.00' }] });
    expect(page.items[1]).toMatchObject({ reference: 'feb', channel: 'alipay', allocation: { principal: '990.07', interest: '30.00', excess: '0.00' } });
  });

  it('shows a repayment split as the facts now stand once a back-dated payment re-split it, with the split it was recorded with', async () => {
    await verifiedCustomer(t, 'c7');
    await disbursedLoan(t, 'l7', 'c7');
    await repay(t, 'l7', 'c7', '100.00', '2026-02-20', 'late');
    await t.caughtUp(await repay(t, 'l7', 'c7', '1020.07', '2026-02-15', 'on-time'));
    const page = await read<TxPage>(t, borrower('c7'), '/v1/loans/l7/transactions');
    type Split = { installments: { number: number }[] };
    const late = page.items.find((tx) => tx.reference === 'late') as { allocation: Split; recordedAllocation?: Split };
    const onTime = page.items.find((tx) => tx.reference === 'on-time') as { allocation: Split; recordedAllocation?: Split };
    // Recorded first, the 100.00 went to the overdue row 1; the 1 020.07 dated earlier pays row 1 in full, so 100.00 now pays ahead.
    expect(late.recordedAllocation?.installments.map((row) => row.number)).toEqual([1]);
    expect(late.allocation.installments.map((row) => row.number)).not.toContain(1);
    expect(onTime.allocation.installments.map((row) => row.number)).toEqual([1]);
    expect(onTime.recordedAllocation).toBeUndefined();
  });

  it('shows a waiver at what it waives as the facts now stand once a back-dated payment paid part of it, with the amount it was recorded with', async () => {
    await verifiedCustomer(t, 'c8');
    await disbursedLoan(t, 'l8', 'c8');
    businessDay('2026-02-20');
    // On 02-20 row 1's 30.00 interest is due and row 2 has earned 20.10 × 5/28 = 3.59: 33.59 waived.
    await command(t, STAFF.officer, 'POST', '/v1/loans/l8/waivers', { kind: 'interest', reason: 'goodwill', effectiveDate: '2026-02-20' });
    // Recorded later, dated 02-16: it pays row 1 (30.00 + 990.07), so on 02-20 only row 2's earned interest is left to waive.
    await t.caughtUp(await repay(t, 'l8', 'c8', '1020.07', '2026-02-16', 'back-dated'));
    const page = await read<TxPage>(t, borrower('c8'), '/v1/loans/l8/transactions');
    const waiver = page.items.find((tx) => tx.type === 'waiver');
    expect(waiver).toMatchObject({ kind: 'interest', recordedAmount: '33.59', amount: '3.59' });
  });

  it('lists movements by value date, then recording order: one back-dated by a later record stands among its days, page after page', async () => {
    await verifiedCustomer(t, 'c9');
    await disbursedLoan(t, 'l9', 'c9');
    await repay(t, 'l9', 'c9', '1020.07', '2026-03-01', 'march');
    await repay(t, 'l9', 'c9', '200.00', '2026-03-01', 'march-2');
    await t.caughtUp(await repay(t, 'l9', 'c9', '100.00', '2026-02-10', 'back-dated'));
    const all = await read<TxPage>(t, STAFF.officer, '/v1/loans/l9/transactions');
    const expected = [['disbursement', '2026-01-15'], ['repayment', '2026-02-10'], ['repayment', '2026-03-01'], ['repayment', '2026-03-01']];
    expect(all.items.map((tx) => [tx.type, tx.date])).toEqual(expected);
    expect(all.items.filter((tx) => tx.type === 'repayment').map((tx) => tx.reference)).toEqual(['back-dated', 'march', 'march-2']);
    const paged: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const page: TxPage = await read<TxPage>(t, STAFF.officer, `/v1/loans/l9/transactions?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(all.items);
  });

  it('pages with limit and cursor, and refuses a cursor it did not issue', async () => {
    const first = await read<TxPage>(t, STAFF.officer, '/v1/loans/l1/transactions?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await read<TxPage>(t, STAFF.officer, `/v1/loans/l1/transactions?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((tx) => tx.reference)).toEqual(['mar-part']);
    expect(second.nextCursor).toBeNull();
    const issuedElsewhere = (text: string) => Buffer.from(text).toString('base64url');
    for (const cursor of ['xyz', issuedElsewhere('rev:3'), issuedElsewhere('vd:2026-02-15'), issuedElsewhere('vd:2026-02-15|x'), issuedElsewhere('vd:15.02.2026|3')]) {
      const bad = await call(t, STAFF.officer, 'GET', `/v1/loans/l1/transactions?cursor=${cursor}`);
      expect(bad.statusCode, cursor).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'INVALID_CURSOR' });
    }
  });

  it('answers 404 for another borrower and an unknown loan', async () => {
    expect((await call(t, borrower('c2'), 'GET', '/v1/loans/l1/transactions')).statusCode).toBe(404);
    expect((await call(t, STAFF.officer, 'GET', '/v1/loans/nope/transactions')).statusCode).toBe(404);
  });
});
