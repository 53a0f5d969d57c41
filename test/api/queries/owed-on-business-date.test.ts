import { describe, expect, it, vi } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { STAFF } from '../../support/test-app.js';
import { accepted, activeLoan, verifiedCustomer } from '../commands/journey-steps.js';
import { penaltyBook, today } from './owed-fixtures.js';

const book = penaltyBook(['cust-owed', 'cust-owed-2', 'cust-owed-3']);

/**
 * QA 10 R1 repro B: a loan keyed in long after its rows fell due, no close run since: every
 * penalty it owes is uncharged. The summary, the schedule and the account centre show what the
 * payoff and a payment today count; paying the next due shown pays that row; a penalty waiver is
 * accepted the same day.
 */
describe('a loan keyed in with rows past their grace and no close since (QA 10 R1)', () => {
  it('shows the penalties the payoff counts, in the summary, the schedule and the account centre; paying the next due shown settles that row', async () => {
    const loanId = await activeLoan(book.app, 'cust-owed', book.productId, '2024-01-15', '3000.00');
    const payoff = (await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff`)).json();
    expect(Number(payoff.penalties)).toBeGreaterThan(0);
    const summary = await book.caughtUp(`/v1/loans/${loanId}`);
    expect(summary.outstanding.penalties).toBe(payoff.penalties);
    const schedule = (await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/schedule`)).json();
    const penalties = schedule.rows.reduce((sum: InstanceType<typeof Dec>, row: { penalty: string }) => sum.plus(row.penalty), new Dec(0));
    expect(penalties.toFixed(2)).toBe(payoff.penalties);
    const first = schedule.rows[0];
    expect(summary.nextDue).toEqual({ date: first.dueDate, amount: first.total });
    expect(new Dec(first.penalty).toFixed(2)).toBe('50.00');
    const account = await book.caughtUp('/v1/customers/cust-owed');
    const line = account.loans.find((l: { loanId: string }) => l.loanId === loanId);
    expect(line).toMatchObject({ outstanding: summary.outstanding.total, nextDue: summary.nextDue });
    const paid = accepted(await book.app.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, {
      amount: summary.nextDue.amount, channel: 'bank_transfer', reference: 'NEXT-DUE', effectiveDate: today(),
    }));
    const after = (await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${paid.position}`)).json();
    expect(after.nextDue.date > summary.nextDue.date).toBe(true);
  });

  it('accepts a penalty waiver the same day: it records the owed penalties, then waives them', async () => {
    const loanId = await activeLoan(book.app, 'cust-owed-2', book.productId, '2024-01-15', '3000.00');
    const owed = (await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff`)).json().penalties;
    const waived = accepted(await book.app.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'penalty', reason: 'goodwill' }));
    expect((await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff`)).json().penalties).toBe('0.00');
    const summary = (await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${waived.position}`)).json();
    expect(summary.outstanding.penalties).toBe('0.00');
    expect(Number(owed)).toBeGreaterThan(0);
  });
});

describe('GET /v1/loans/:id reads the loan stream\'s head once', () => {
  it('for its ETag, the owed figures and the amount due now alike: no second revision read, one replay, and a repeat answered from the figures remembered at that revision without replaying the loan', async () => {
    const loanId = await activeLoan(book.app, 'cust-owed-3', book.productId, '2024-01-15', '3000.00');
    await book.app.caughtUp((await book.app.runtime.eventStore.headPosition()).toString());
    const store = book.app.runtime.eventStore;
    const revisions = vi.spyOn(store, 'streamRevision');
    const reads = vi.spyOn(store, 'readStream');
    const snapshots = vi.spyOn(store, 'readSnapshot');
    const stream = `loan-${loanId}`;
    const headReads = () => reads.mock.calls.filter(([id, options]) => id === stream && options?.direction === 'backwards').length;
    // Each load of the loan reads its snapshot first (and its tail, unless the snapshot is the stream's head).
    const replays = () => snapshots.mock.calls.filter(([id]) => id === stream).length;
    try {
      const first = await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}`);
      expect(Number(first.json().outstanding.penalties), 'the owed figures were read').toBeGreaterThan(0);
      expect(revisions.mock.calls.filter(([id]) => id === stream)).toEqual([]);
      expect(headReads()).toBe(1);
      const replayed = replays();
      expect(replayed, 'the owed figures and the amount due now share one replay of the loan').toBe(1);
      expect(first.json().amountDue, 'something is due now').not.toBe('0.00');
      const second = await book.app.call(STAFF.officer, 'GET', `/v1/loans/${loanId}`);
      expect(second.json()).toEqual(first.json());
      expect(headReads()).toBe(2);
      expect(replays(), 'remembered at the revision read for the tag').toBe(replayed);
    } finally {
      revisions.mockRestore();
      reads.mockRestore();
      snapshots.mockRestore();
    }
  });
});

/**
 * QA 11 S9: the loan list (GET /v1/loans, its dpd bounds) showed the stored document — without the
 * penalties owed that no close has charged — where the loan's summary showed what a payment today
 * finds owed. The example: 3 000.00 over 12 months keyed in from 2024-01-15 with nothing paid, no close
 * since: by hand all 12 rows (the last due 2025-01-15) are past their 3-day grace, so 12 × 50.00 = 600.00 of penalties are owed; the summary, the
 * list row and the list bounded at the summary's days past due all show the same figures.
 */
describe('the loan list shows each loan as its summary does (QA 11 S9)', () => {
  it('lists a keyed-in loan with the penalties it owes, the same outstanding, next due and days past due as its summary, and its dpd bound keeps it', async () => {
    await verifiedCustomer(book.app, 'cust-owed-4');
    const loanId = await activeLoan(book.app, 'cust-owed-4', book.productId, '2024-01-15', '3000.00');
    const summary = await book.caughtUp(`/v1/loans/${loanId}`);
    expect(summary.outstanding.penalties).toBe('600.00');
    const list = (await book.app.call(STAFF.officer, 'GET', '/v1/loans?customerId=cust-owed-4')).json();
    const row = list.items.find((item: { id: string }) => item.id === loanId);
    expect(row).toMatchObject({ outstanding: summary.outstanding, nextDue: summary.nextDue, daysPastDue: summary.daysPastDue, classification: summary.classification });
    // No close has run in this app, so the loan is still `active` (the dpdFrom > 0 bound reads past-due statuses only): bound from above.
    const bounded = (await book.app.call(STAFF.officer, 'GET', `/v1/loans?customerId=cust-owed-4&dpdTo=${summary.daysPastDue}`)).json();
    expect(bounded.items.map((item: { id: string }) => item.id)).toEqual([loanId]);
    const below = (await book.app.call(STAFF.officer, 'GET', `/v1/loans?customerId=cust-owed-4&dpdTo=${summary.daysPastDue - 1}`)).json();
    expect(below.items).toEqual([]);
  });
});
