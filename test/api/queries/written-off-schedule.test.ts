import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';

let t: TestApp;
let loanId: string;

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, name: 'Written-off schedule' });
  await verifiedCustomer(t, 'cust-wo-schedule');
  loanId = await activeLoan(t, 'cust-wo-schedule', productId, '2026-01-10', '12000.00');
});
afterAll(() => t.close());

describe('the schedule of a written-off loan', () => {
  it('qa19 Q5, qa-console: 12 000.00 from 2026-01-10, row 1 paid on its due date, closed every 13 days, written off on 07-15; the payment bounces afterwards: every row still owed reads written-off, row 1 reopened by the bounce as well (before qa19: due; before qa-console: overdue and due beside a loan owing 0.00 on the books)', async () => {
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '1066.19', channel: 'alipay', reference: 'Y1', effectiveDate: '2026-02-10' }));
    for (let month = 1; month <= 7; month++) {
      accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: `2026-0${month}-${month === 7 ? '15' : '28'}` }), 200);
    }
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/write-off`, { action: 'request', reason: 'borrower unreachable', effectiveDate: '2026-07-15' }));
    accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/write-off`, { action: 'approve', effectiveDate: '2026-07-15' }));
    const reversal = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/Y1/reversal`, { reason: 'bounced' }));
    const schedule = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/schedule?minPosition=${reversal.position}`)).json() as { rows: { number: number; status: string }[] };
    // Rows 1-6 (due 02-10 … 07-10) unpaid on the write-off's date, and the rows not yet due then, moved into the written-off
    // claim: none is due or overdue on the books any more; the amounts stay, as recoveries collect them.
    expect(new Set(schedule.rows.map((row) => row.status))).toEqual(new Set(['written-off']));
    const summary = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${reversal.position}`)).json();
    expect(summary.status).toBe('written_off');
  });
});
