import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateAt } from '../../../src/app/business-date.js';
import { addDays } from '../../../src/domain/calendar.js';
import { Dec } from '../../../src/domain/decimal.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';

let t: TestApp;
let productId: string;
const today = () => businessDateAt(new Date(), 'Asia/Shanghai');

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, penalty: { type: 'fixed', value: '50.00', graceDays: 3 } });
  await verifiedCustomer(t, 'cust-due-now');
});
afterAll(() => t.close());

async function caughtUp(path: string) {
  const position = (await t.runtime.eventStore.headPosition()).toString();
  return (await t.call(STAFF.officer, 'GET', `${path}?minPosition=${position}`)).json();
}

/**
 * QA 11 S2: an overdue borrower was shown only the oldest row (nextDue); paying it left the loan
 * overdue. The summary and the account centre carry the amount due now: every row due by the
 * business date, penalties owed included; paying it leaves nothing past due.
 */
describe('amount due now (QA 11 S2)', () => {
  it('sums every row due by the business date with its owed penalties; paying it leaves nothing past due', async () => {
    const loanId = await activeLoan(t, 'cust-due-now', productId, addDays(today(), -75), '3000.00');
    const summary = await caughtUp(`/v1/loans/${loanId}`);
    const schedule = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/schedule`)).json();
    const dueRows = schedule.rows.filter((row: { dueDate: string }) => row.dueDate <= today());
    expect(dueRows.length).toBeGreaterThanOrEqual(2);
    const expected = dueRows.reduce((sum: InstanceType<typeof Dec>, row: { total: string; paid: string }) => sum.plus(row.total).minus(row.paid), new Dec(0));
    expect(summary.amountDue).toBe(expected.toFixed(2));
    expect(new Dec(summary.amountDue).gt(summary.nextDue.amount)).toBe(true);
    const account = await caughtUp('/v1/customers/cust-due-now');
    expect(account.loans.find((l: { loanId: string }) => l.loanId === loanId).amountDue).toBe(summary.amountDue);

    const paid = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, {
      amount: summary.amountDue, channel: 'bank_transfer', reference: 'DUE-NOW', effectiveDate: today(),
    }));
    const after = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${paid.position}`)).json();
    expect(after).toMatchObject({ amountDue: '0.00', status: 'active' });
    expect(after.nextDue.date > today()).toBe(true);
  });

  it('is 0.00 while nothing has fallen due, and the summary keeps its ETag then', async () => {
    await verifiedCustomer(t, 'cust-due-later');
    const loanId = await activeLoan(t, 'cust-due-later', productId, addDays(today(), -3), '3000.00');
    const position = (await t.runtime.eventStore.headPosition()).toString();
    const res = await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${position}`);
    expect(res.json().amountDue).toBe('0.00');
    expect(res.headers.etag).toBeDefined();
  });
});
