import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { earnedMinor } from '../../src/domain/loan/accrual.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { stateAsOf } from '../../src/domain/loan/state-as-of.js';
import { runHistory } from './run-history.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { DISBURSED, step, type Step } from './servicing-history.js';

/** Payments (back-dated, paid ahead under each prepayment option, reversed), waivers, charges and refunds; no reschedule (it replaces rows) or write-off. */
const historyStep = step.filter((s): s is Exclude<Step, { op: 'writeOff' | 'recover' | 'reschedule' }> => s.op !== 'writeOff' && s.op !== 'recover' && s.op !== 'reschedule');

/** The product: under a grace on interest the row collecting it earns from the disbursement (re-based too); each prepayment strategy. */
const product = fc.record({
  graceOnInterest: fc.constantFrom(0, 0, 1),
  prepaymentStrategy: fc.constantFrom(undefined, 'next-installment' as const, 'last-installments' as const, 're-amortise' as const),
});

/** Interest each row had earned by the end of `date` (minor units, by row number; rows earning nothing left out). */
function earnedBy(state: LoanState, date: string): Record<number, string> {
  const ctx = loanContext(state);
  const earned: Record<number, string> = {};
  for (const row of state.installments) {
    const minor = earnedMinor(row, date, ctx, 2);
    if (minor !== 0n) earned[row.number] = minor.toString();
  }
  return earned;
}

/**
 * What a row earned by a date is a fact of that date: a payment dated later (a prepayment re-basing
 * the running period, once or several times, or a payoff) moves only what it earns after its date.
 * Else an accrual a close priced on the loan as of its night (stateAsOf) differs from what the ledger
 * books for it from the loan's figures once the later fact is recorded (the accrual-event-as-posted
 * property, seed 365697679: a 03-01 prepayment re-based row 2 a second time and re-spread what it
 * earned since 02-15 in one line, 4.92 by 02-29 for the 4.93 it had earned).
 */
describe('what a row earned by a date does not move with facts dated later', () => {
  it('over random histories of payments (back-dated, paid ahead under each prepayment strategy, reversed; grace on interest or none), waivers, charges and refunds, each row earned by each date in the loan as of that date what it earned by it in the loan as it ends (random histories)', () => {
    fc.assert(fc.property(fc.array(historyStep, { minLength: 1, maxLength: 14 }), fc.boolean(), product, (steps, closed, { graceOnInterest, prepaymentStrategy }) => {
      const terms = servicingTerms({ writeOffDpd: 400, penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 3 }, graceOnInterest, ...(prepaymentStrategy ? { prepaymentStrategy } : {}) });
      const loan = new ServicedLoan('EB', terms, '3000.00', 4);
      const end = runHistory(loan, steps, { nights: closed ? 'each-day-reached' : 'none' });
      const last = loan.state.installments[loan.state.installments.length - 1]?.dueDate ?? end;
      for (let date = DISBURSED; date <= last; date = addDays(date, 1)) {
        expect(earnedBy(loan.state, date), date).toEqual(earnedBy(stateAsOf(loan.state, date), date));
      }
    }), { numRuns: Number(process.env.EARNED_RUNS ?? 100) });
  }, 600_000);
});
