import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { earnedMinor } from '../../src/domain/loan/accrual.js';
import { hasLateCharges } from '../../src/domain/loan/past-due-spans.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';
import { daysPastDueByDay } from '../servicing/days-past-due-on.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { runHistory } from '../servicing/run-history.js';
import { attempt, DISBURSED, step } from '../servicing/servicing-history.js';

const cents = (v: string) => minorOf(v, 2);

/**
 * True when, at the close of `day`, some row was owed more than 90 days after its due date (as the rows stand); for a
 * loan with an officer charge applied after its row fell due, the class's days past due that day as the history now
 * stands (days-past-due-on.ts: from the charge once that is all a row owes).
 */
function nonPerformingTest(state: LoanState): (day: string) => boolean {
  if (hasLateCharges(state)) {
    const daysPastDue = daysPastDueByDay(state);
    return (day) => daysPastDue(day) > 90;
  }
  return (day) => state.installments.some((row) => addDays(row.dueDate, 90) < day && !(row.settled && (row.settledOn === null || row.settledOn <= day)));
}

/**
 * Day by day, the interest the rows due after `date` earned through it on non-performing days,
 * capped per row at what it capitalises (earned net of waivers): what a reschedule on `date` must
 * keep out of income.
 */
function suspendedCapitalised(state: LoanState, date: string): bigint {
  const ctx = loanContext(state);
  const nonPerformingOn = nonPerformingTest(state);
  let sum = 0n;
  for (const row of state.installments.filter((r) => r.dueDate > date)) {
    let suspended = 0n;
    for (let day = addDays(state.disbursement?.date ?? date, 1); day <= date; day = addDays(day, 1)) {
      if (nonPerformingOn(day)) suspended += earnedMinor(row, day, ctx, 2) - earnedMinor(row, addDays(day, -1), ctx, 2);
    }
    const capitalised = earnedMinor(row, date, ctx, 2) - cents(row.waived.interest);
    sum += suspended < capitalised ? suspended : capitalised < 0n ? 0n : capitalised;
  }
  return sum;
}

describe('a reschedule capitalises suspended interest without making it income (QA 8 N5)', () => {
  it('over random histories reaching 90+ days past due, a reschedule moves into income exactly the performing interest it capitalises beyond what was receivable, and holds the rest in suspense until principal repayment reaches it', () => {
    fc.assert(fc.property(
      fc.array(step, { minLength: 1, maxLength: 20 }),
      fc.constantFrom('next-installment' as const, 're-amortise' as const),
      (steps, prepaymentStrategy) => {
        const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 400, prepaymentStrategy }), '6000.00', 12, DISBURSED);
        runHistory(loan, steps, {
          // Long gaps, so loans go past 90 days unpaid before a reschedule.
          dayScale: 3,
          record: (command, today) => {
            const before = loan.figures().ledger;
            const suspended = command.type === 'Reschedule' ? suspendedCapitalised(loan.state, command.data.effectiveDate) : 0n;
            const done = attempt(loan, command, today);
            if (!done || command.type !== 'Reschedule') return done;
            const after = loan.figures().ledger;
            const capitalised = cents(loan.state.capitalizedInterest) - cents(loan.log.events.filter((e) => e.type === 'LoanRescheduled').slice(0, -1).reduce((sum, e) => (sum + Number((e.data as { capitalizedInterest?: string }).capitalizedInterest ?? 0)), 0).toFixed(2));
            // The replaced rows had no interest paid (RESCHEDULE_AFTER_PREPAYMENT): what they had recognised was receivable.
            const incomeAdded = -cents(after.interest_income) + cents(before.interest_income);
            const receivableDropped = cents(before.interest_receivable) - cents(after.interest_receivable);
            expect(incomeAdded + receivableDropped, 'income + receivable moved by the performing part only').toBe(capitalised - suspended);
            expect(cents(before.interest_in_suspense) - cents(after.interest_in_suspense), 'suspended part held in suspense').toBe(suspended);
            return true;
          },
        });
      },
    ), { numRuns: Number(process.env.LEDGER_RUNS ?? 200) });
  });
});
