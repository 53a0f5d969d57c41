import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { Dec } from '../../../src/domain/decimal.js';
import { STAFF } from '../../support/test-app.js';
import { accepted, activeLoan, verifiedCustomer } from '../commands/journey-steps.js';
import { penaltyBook, today } from './owed-fixtures.js';

const book = penaltyBook(['cust-due-now']);

/**
 * QA 11 S2: an overdue borrower was shown only the oldest row (nextDue); paying it left the loan
 * overdue. The summary and the account centre carry the amount due now: every row due by the
 * business date, penalties owed included; paying it leaves nothing past due.
 */
describe('amount due now (QA 11 S2)', () => {
  it('sums every row due by the business date with its owed penalties; paying it leaves nothing past due', async () => {
    const loanId = await activeLoan(book.app, 'cust-due-now', book.productId, addDays(today(), -75), '3000.00');
    const summary = await book.caughtUp(`/v1/loans/${loanId}`);
    const schedule = (await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/schedule`)).json();
    const dueRows = schedule.rows.filter((row: { dueDate: string }) => row.dueDate <= today());
    expect(dueRows.length).toBeGreaterThanOrEqual(2);
    const expected = dueRows.reduce((sum: InstanceType<typeof Dec>, row: { total: string; paid: string }) => sum.plus(row.total).minus(row.paid), new Dec(0));
    expect(summary.amountDue).toBe(expected.toFixed(2));
    expect(new Dec(summary.amountDue).gt(summary.nextDue.amount)).toBe(true);
    const account = await book.caughtUp('/v1/customers/cust-due-now');
    expect(account.loans.find((l: { loanId: string }) => l.loanId === loanId).amountDue).toBe(summary.amountDue);

    const paid = accepted(await book.app.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, {
      amount: summary.amountDue, channel: 'bank_transfer', reference: 'DUE-NOW', effectiveDate: today(),
    }));
    const after = (await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${paid.position}`)).json();
    expect(after).toMatchObject({ amountDue: '0.00', status: 'active' });
    expect(after.nextDue.date > today()).toBe(true);
  });

  it('is 0.00 while nothing has fallen due, and the summary keeps its ETag then', async () => {
    await verifiedCustomer(book.app, 'cust-due-later');
    const loanId = await activeLoan(book.app, 'cust-due-later', book.productId, addDays(today(), -3), '3000.00');
    const position = (await book.app.runtime.eventStore.headPosition()).toString();
    const res = await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${position}`);
    expect(res.json().amountDue).toBe('0.00');
    expect(res.headers.etag).toBeDefined();
  });
});
