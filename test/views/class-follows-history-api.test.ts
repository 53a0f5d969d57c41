import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { businessDay, call, command, defineProduct, disbursedLoan, read, repay, useBusinessClock, verifiedCustomer } from '../api/queries/journey.js';

interface LoanView { daysPastDue: number; classification: string; flags: string[]; asOf: string }

let t: TestApp;
beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t, { writeOffDpd: 28 });
  await verifiedCustomer(t, 'c1');
  await disbursedLoan(t, 'l1', 'c1');
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

const view = async () => {
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  return read<LoanView>(t, STAFF.officer, '/v1/loans/l1');
};

describe('over HTTP: the class follows the history, and the view, the class and the write-off count days past due to the last close', () => {
  it('a reversal the day after a close makes row 1 (due 02-15) 27 days past due as of that close: the view shows 27 and 关注 at once; a write-off needing 28 is refused naming 27, and accepted once the close of 03-15 counts 28', async () => {
    // Rows 1 and most of 2 paid ahead on 01-20; the book closed every night through 03-14.
    await repay(t, 'l1', 'c1', '2000.00', '2026-01-20', 'p1');
    businessDay('2026-03-14');
    await command(t, STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-03-14' });
    businessDay('2026-03-15');
    expect(await view()).toMatchObject({ daysPastDue: 0, classification: 'normal' });

    await command(t, STAFF.officer, 'POST', '/v1/loans/l1/repayments/p1/reversal', { reason: 'bounced' });
    expect(await view()).toMatchObject({ daysPastDue: 27, classification: 'special-mention', flags: [] });
    const history = await read<{ events: { type: string; data: Record<string, unknown> }[] }>(t, STAFF.compliance, '/v1/loans/l1/history');
    expect(history.events.filter((e) => e.type === 'LoanClassified').at(-1)?.data).toEqual({ from: 'normal', to: 'special-mention', dpd: 27, date: '2026-03-14', reason: 'RepaymentReversed' });

    const refused = await call(t, STAFF.officer, 'POST', '/v1/loans/l1/write-off', { action: 'request', reason: 'borrower unreachable', effectiveDate: '2026-03-15' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'WRITE_OFF_DPD_TOO_LOW', detail: 'Loan is 27 days past due as of 2026-03-14; write-off needs 28' });

    businessDay('2026-03-16');
    await command(t, STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-03-15' });
    expect(await view()).toMatchObject({ daysPastDue: 28, classification: 'special-mention' });
    await command(t, STAFF.officer, 'POST', '/v1/loans/l1/write-off', { action: 'request', reason: 'borrower unreachable', effectiveDate: '2026-03-16' });
  });
});
