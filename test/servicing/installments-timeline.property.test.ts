import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedReplayMemo } from '../../src/commands/bounded-replay-memo.js';
import { addDays } from '../../src/domain/calendar.js';
import { installmentsOn } from '../../src/domain/loan/installments-on.js';
import { paymentRecords } from '../../src/domain/loan/payment-book.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import { replayServicing } from '../../src/domain/loan/servicing-replay.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';
import { runHistory } from './run-history.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { DISBURSED, step } from './servicing-history.js';

/** The definition: a replay of only the facts dated on or before `date` (a payment dated later as if reversed). */
function replayedThrough(state: LoanState, date: string): Installment[] {
  const later = paymentRecords(state.payments).filter((p) => p.effectiveDate > date).map((p) => p.reference);
  const upTo: LoanState = {
    ...state, reversed: [...state.reversed, ...later], waivers: state.waivers.filter((w) => w.date <= date),
    penalties: state.penalties.filter((p) => p.date <= date), charges: state.charges.filter((c) => c.date <= date),
  };
  return replayServicing(upTo, state.terms?.allocationOrder ?? 'penalty-fee-interest-principal', loanContext(state)).installments;
}

const product = fc.record({
  prepaymentStrategy: fc.constantFrom(undefined, 'next-installment' as const, 'last-installments' as const, 're-amortise' as const),
  penalty: fc.constantFrom(
    { type: 'fixed' as const, value: '25.00', cap: null, graceDays: 3 },
    { type: 'percent' as const, value: '5', cap: '60.00', graceDays: 0 },
  ),
});

/**
 * installmentsOn answers every date from one replay of the whole history (installments-timeline.ts)
 * instead of a replay of the facts dated by each date; the two must never differ, on any date, for
 * any history, remembered or not (qa15's catch-up of 92 nights replayed the history once per night).
 */
describe('the installments on a date are those a replay of the facts dated by then leaves', () => {
  it('over random histories of payments (back-dated, paid ahead under each prepayment strategy, reversed), waivers, charges, penalties, reschedules, write-offs and refunds, closed nightly or not, installmentsOn gives on every date from the disbursement to past the last due date what replaying only the facts dated by then gives, with and without a memo (random histories)', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), fc.boolean(), product, (steps, closed, { prepaymentStrategy, penalty }) => {
      const terms = servicingTerms({ writeOffDpd: 400, penalty, ...(prepaymentStrategy ? { prepaymentStrategy } : {}) });
      const loan = new ServicedLoan('IT', terms, '3000.00', 4);
      const end = runHistory(loan, steps, { nights: closed ? 'each-day-reached' : 'none' });
      const state = loan.state;
      const ctx = loanContext(state);
      const memo = boundedReplayMemo(0);
      const last = state.installments[state.installments.length - 1]?.dueDate ?? end;
      for (let date = addDays(DISBURSED, -1); date <= addDays(last > end ? last : end, 1); date = addDays(date, 1)) {
        const expected = replayedThrough(state, date);
        expect(installmentsOn(state, date, ctx), date).toEqual(expected);
        expect(installmentsOn(state, date, ctx, memo), `${date}, remembered`).toEqual(expected);
      }
    }), { numRuns: 60 });
  }, 600_000);

  it('with one memo kept through random histories (as a process keeps it), installmentsOn on each state as the history goes, for every date from the disbursement to the business date, gives what replaying only the facts dated by then gives: a day remembered for one state is not answered for another with different facts by then (random histories)', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), fc.boolean(), product, (steps, closed, { prepaymentStrategy, penalty }) => {
      const terms = servicingTerms({ writeOffDpd: 400, penalty, ...(prepaymentStrategy ? { prepaymentStrategy } : {}) });
      const loan = new ServicedLoan('IM', terms, '3000.00', 4);
      const memo = boundedReplayMemo(0);
      runHistory(loan, steps, {
        nights: closed ? 'each-day-reached' : 'none',
        onStep: ({ today }) => {
          const ctx = loanContext(loan.state);
          for (let date = DISBURSED; date <= today; date = addDays(date, 1)) {
            expect(installmentsOn(loan.state, date, ctx, memo), date).toEqual(replayedThrough(loan.state, date));
          }
        },
      });
    }), { numRuns: 60 });
  }, 600_000);
});
