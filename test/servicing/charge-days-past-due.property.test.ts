import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/domain/calendar.js';
import { classificationAsOf } from '../../src/domain/loan/reclassification.js';
import { amountDueOn, loanFigures } from '../../src/domain/loan/figures.js';
import { owedMinor } from '../../src/domain/loan/installment.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';
import { runHistory } from './run-history.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { amount, attempt, DISBURSED, step, type Step } from './servicing-history.js';

/**
 * QA 12 Q5: an officer's charge counts past due only from the date it was applied (or its row's due date, if later).
 * Days past due never exceed the days since the oldest open row still owing what it owed on its due date, or since
 * the oldest unpaid charge applied after its row fell due was applied. Written out apart from the code under test:
 * a row whose principal and interest are paid and whose fees and penalties are no more than the charges applied
 * to it after its due date owes only those charges, unpaid at most since the first of them.
 */
function dpdBound(state: LoanState, asOf: string): number {
  let oldest: string | null = null;
  for (const row of state.installments) {
    if (row.settled || row.dueDate >= asOf) continue;
    const late = state.charges.filter((c) => c.number === row.number && c.date > row.dueDate);
    const lateOf = (component: 'fee' | 'penalty') => late.filter((c) => c.component === component).reduce((sum, c) => sum + minorOf(c.amount, 2), 0n);
    const chargesOnly = late.length > 0 && owedMinor(row, 'principal', 2) === 0n && owedMinor(row, 'interest', 2) === 0n
      && owedMinor(row, 'fee', 2) <= lateOf('fee') && owedMinor(row, 'penalty', 2) <= lateOf('penalty');
    const since = chargesOnly ? late.map((c) => c.date).sort()[0] as string : row.dueDate;
    if (since < asOf && (oldest === null || since < oldest)) oldest = since;
  }
  return oldest === null ? 0 : daysBetween(oldest, asOf);
}

const TERMS = servicingTerms({ writeOffDpd: 1, penalty: { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } });
type Kind = 'document-fee' | 'late-fee' | 'collection-fee';
const charge = (kind: Kind, amt: string, dueDate: string, date: string) => ({ type: 'ApplyCharge' as const, data: { kind, amount: amt, dueDate, reason: 'qa', date, appliedBy: 'officer-1' } });

/** QA 12 Q5's loan: 12 000.00, 12 %, 12 monthly from 2026-06-01, rows 1-5 paid in full on their due dates, every night closed through 12-01. */
function currentLoan(): ServicedLoan {
  const loan = new ServicedLoan('Q5', TERMS, '12000.00', 12, '2026-06-01');
  loan.context = { lastClose: '2026-06-01' };
  let today = '2026-06-01';
  for (const due of ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01']) {
    while (today < due) {
      today = addDays(today, 1);
      loan.close(today);
      loan.context = { lastClose: today };
    }
    if (due < '2026-12-01') loan.repay('1066.19', `p-${due}`, due);
  }
  return loan;
}

describe('an officer charge is past due only from the day it was applied (QA 12 Q5)', () => {
  it.each([['late-fee', '30.00', '2026-06-15'], ['collection-fee', '30.00', '2026-06-20'], ['document-fee', '30.00', '2026-06-15']] as const)(
    'given rows 1-5 paid on their due dates (DPD 0, 正常), when a %s of %s due %s is applied on 12-01, then the loan stays current: DPD 0, 正常, active, not NPA, no class move, and a write-off is refused',
    (kind, amt, dueDate) => {
      const loan = currentLoan();
      expect(loan.figures('2026-12-01').daysPastDue).toBe(0);
      const events = loan.run(charge(kind, amt, dueDate, '2026-12-01'), '2026-12-01');
      expect(events.map((e) => e.type)).toEqual(['ChargeApplied']);
      expect(events[0]?.data).toMatchObject({ number: 1, date: '2026-12-01' });
      const state = loan.state;
      expect([state.status, state.classification, state.flags.includes('npa')]).toEqual(['active', 'normal', false]);
      const figures = loanFigures(state, '2026-12-01');
      expect([figures.daysPastDue, figures.unpaidSince, figures.nextDue]).toEqual([0, '2026-12-01', { date: '2026-07-01', amount: '30.00' }]);
      expect(() => loan.run({ type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'x', date: '2026-12-01' } }, '2026-12-01'))
        .toThrow(expect.objectContaining({ code: 'WRITE_OFF_DPD_TOO_LOW', details: { dpd: 0, writeOffDpd: 1, asOf: '2026-12-01' } }));
      // Unpaid, it ages from 12-01: the close of 12-02 finds it 1 day past due (关注, any overdue is), never 153.
      const closed = loan.close('2026-12-02');
      expect(closed.filter((e) => e.type === 'LoanClassified').map((e) => e.data)).toEqual([{ from: 'normal', to: 'special-mention', dpd: 1, date: '2026-12-02' }]);
      expect([loan.state.status, loan.figures('2026-12-02').daysPastDue]).toEqual(['overdue', 1]);
    },
  );

  it('given the loan keyed in on 12-01 after the close of 11-30 (rows 1-5 marked overdue by a history change judged at that close until back-dated payments paid each on its due date), when a late fee due 06-15 is applied on 12-01, then it stays active, DPD 0, 正常 (the QA server\'s path)', () => {
    const loan = new ServicedLoan('Q5K', TERMS, '12000.00', 12, '2026-06-01');
    loan.context = { lastClose: '2026-11-30' };
    const pay = (amt: string, reference: string, effectiveDate: string) => loan.run({ type: 'ReceiveRepayment', data: { amount: amt, channel: 'online', reference, effectiveDate } }, '2026-12-01');
    // A first command that is not a payment on a normal loan (a 0.01 interest waiver) judges the last close: rows 1-5
    // are past due as of 11-30 and marked overdue in its append, as the server's disbursement marks them.
    loan.run({ type: 'WaiveCharge', data: { kind: 'interest', amount: '0.01', reason: 'x', effectiveDate: '2026-06-15' } }, '2026-12-01');
    expect(loan.state.installments.slice(0, 5).every((row) => row.overdueSince !== null)).toBe(true);
    pay('1066.18', 'p1', '2026-07-01');
    for (const due of ['2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01']) pay('1066.19', `p-${due}`, due);
    expect([loan.state.status, loan.state.classification]).toEqual(['active', 'normal']);
    const events = loan.run(charge('late-fee', '30.00', '2026-06-15', '2026-12-01'), '2026-12-01');
    expect(events.map((e) => e.type)).toEqual(['ChargeApplied']);
    expect([loan.state.status, loan.state.classification, loan.state.flags, loanFigures(loan.state, '2026-11-30').daysPastDue]).toEqual(['active', 'normal', [], 0]);
    // The night of 12-01 passes the charge's date: 1 day past due on the close of 12-02, overdue, 关注.
    loan.close('2026-12-01');
    loan.close('2026-12-02');
    expect([loan.state.status, loan.state.classification, loanFigures(loan.state, '2026-12-02').daysPastDue]).toEqual(['overdue', 'special-mention', 1]);
  });

  it('given rows 1-5 paid on their due dates and row 6 (due 12-01) unpaid, when a late fee due 06-15 is applied on 12-02 and that night closes, then row 6 is marked and the loan is overdue as its class says (关注, DPD 1), though row 1 ahead of it owes only the fee, not yet past due', () => {
    const loan = currentLoan();
    loan.close('2026-12-01');
    loan.context = { lastClose: '2026-12-01' };
    loan.run(charge('late-fee', '30.00', '2026-06-15', '2026-12-02'), '2026-12-02');
    const closed = loan.close('2026-12-02');
    expect(closed.filter((e) => e.type === 'InstallmentOverdue').map((e) => e.data)).toEqual([{ number: 6, dueDate: '2026-12-01', amountDue: '1066.19', date: '2026-12-02' }]);
    expect(closed.filter((e) => e.type === 'LoanClassified').map((e) => e.data)).toEqual([{ from: 'normal', to: 'special-mention', dpd: 1, date: '2026-12-02' }]);
    // Before: the close marked row 6 but looked only at row 1, the oldest open row, and left the loan active, 关注.
    expect([loan.state.status, loan.state.classification, loan.figures('2026-12-02').daysPastDue]).toEqual(['overdue', 'special-mention', 1]);
    // The next night the fee is a day past due too; row 6 is still the oldest unpaid since: 2 days.
    loan.close('2026-12-03');
    expect([loan.state.status, loan.state.classification, loan.figures('2026-12-03').daysPastDue]).toEqual(['overdue', 'special-mention', 2]);
  });

  it('for any history including officer charges with arbitrary past due dates, days past due never exceed the days since the oldest row unpaid since its due date or the oldest unpaid charge was applied (random histories)', () => {
    const pastCharge = fc.record({
      op: fc.constant('charge' as const), kind: fc.constantFrom<Kind>('document-fee', 'late-fee', 'collection-fee'),
      cents: fc.integer({ min: 1, max: 20_000 }), due: fc.integer({ min: -400, max: 0 }),
    });
    const steps = fc.array(fc.oneof({ weight: 4, arbitrary: step }, { weight: 2, arbitrary: pastCharge as fc.Arbitrary<Step> }), { minLength: 1, maxLength: 24 });
    fc.assert(fc.property(steps, (history) => {
      const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 30, penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 1 } }), '6000.00', 6, DISBURSED);
      runHistory(loan, history, {
        dayScale: 2, tellLastClose: true,
        onStep: ({ today, step: s }) => {
          const state = loan.state;
          if (state.status !== 'active' && state.status !== 'overdue') return;
          const label = `after ${s.op} on ${today}`;
          expect(loanFigures(state, today).daysPastDue, label).toBeLessThanOrEqual(dpdBound(state, today));
          const lastClose = loan.context.lastClose ?? today;
          expect(classificationAsOf(state, lastClose).dpd, label).toBeLessThanOrEqual(dpdBound(state, lastClose));
        },
      });
    }), { numRuns: 150 });
  });

  it('a loan whose rows are all paid on their due dates and whose charges (any kind, any past due date) were applied today has DPD 0, class 正常 and is active; afterwards they age from today only (random loans)', () => {
    const charges = fc.array(fc.record({ kind: fc.constantFrom<Kind>('document-fee', 'late-fee', 'collection-fee'), cents: fc.integer({ min: 1, max: 50_000 }), back: fc.nat() }), { minLength: 1, maxLength: 3 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 20 }), charges, fc.integer({ min: 1, max: 5 }), (paidRows, wait, drawn, later) => {
      const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 1, penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 1 } }), '6000.00', 6, DISBURSED);
      let today = DISBURSED;
      const closeTo = (date: string) => {
        while (today < date) {
          today = addDays(today, 1);
          loan.close(today);
          loan.context = { lastClose: today };
        }
      };
      for (const row of loan.state.installments.slice(0, paidRows)) {
        closeTo(row.dueDate);
        loan.repay(amountDueOn(loan.state, row.dueDate), `p${row.number}`, row.dueDate);
      }
      closeTo(addDays(today, wait));
      const span = daysBetween(DISBURSED, today);
      const applied = drawn.map((d) => loan.run(charge(d.kind, amount(d.cents), addDays(DISBURSED, d.back % (span + 1)), today), today));
      expect(applied.flat().map((e) => e.type)).toEqual(drawn.map(() => 'ChargeApplied'));
      const state = loan.state;
      expect([loanFigures(state, today).daysPastDue, classificationAsOf(state, today).dpd, state.classification, state.status, state.flags.includes('npa')]).toEqual([0, 0, 'normal', 'active', false]);
      expect(attempt(loan, { type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'x', date: today } }, today)).toBe(false);
      const chargedOn = today;
      closeTo(addDays(today, later));
      expect(loanFigures(loan.state, today).daysPastDue).toBeLessThanOrEqual(daysBetween(chargedOn, today));
    }), { numRuns: 60 });
  });
});
