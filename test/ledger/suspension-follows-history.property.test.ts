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
import { DISBURSED, step } from '../servicing/servicing-history.js';

const cents = (v: string) => minorOf(v, 2);
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/**
 * True when, at the close of `day`, some row was owed more than 90 days after its due date, as the facts now leave the
 * rows; for a loan with an officer charge applied after its row fell due, the class's days past due that day as the
 * history now stands (days-past-due-on.ts: from the charge once that is all a row owes).
 */
function nonPerformingTest(state: LoanState): (day: string) => boolean {
  if (hasLateCharges(state)) {
    const daysPastDue = daysPastDueByDay(state);
    return (day) => daysPastDue(day) > 90;
  }
  return (day) => state.installments.some((row) => addDays(row.dueDate, 90) < day && !(row.settled && (row.settledOn === null || row.settledOn <= day)));
}

/**
 * Interest income of an open loan never rescheduled, day by day from the rows as the history now
 * stands: each row earns, through the accruals' date, its interest of the days the loan performed
 * (a day is non-performing when, at its close, some row was more than 90 days past due) — plus
 * what cash paid of interest already earned on the other days; never more than it can collect.
 */
function incomeFromHistory(state: LoanState): bigint {
  const through = state.interestAccruedThrough;
  if (through === null || state.disbursement === null) return 0n;
  const ctx = loanContext(state);
  const npaDays: string[] = [];
  const nonPerformingOn = nonPerformingTest(state);
  for (let day = addDays(state.disbursement.date, 1); day <= through; day = addDays(day, 1)) if (nonPerformingOn(day)) npaDays.push(day);
  let income = 0n;
  for (const row of state.installments) {
    const collectable = cents(row.due.interest) - cents(row.waived.interest);
    const earned = earnedMinor(row, through, ctx, 2);
    let suspended = 0n;
    for (const day of npaDays) if (day <= row.dueDate) suspended += earnedMinor(row, day, ctx, 2) - earnedMinor(row, addDays(day, -1), ctx, 2);
    income += max(min(earned - suspended, collectable), min(cents(row.paid.interest), min(earned, collectable)));
  }
  return income;
}

describe('suspended interest follows the history as it stands (QA 8 N3)', () => {
  it('over random histories reaching 90+ days past due, with back-dated payments and reversals recorded after later closes, an open loan\'s interest income is that of its performing days as the rows now read, plus suspended interest paid', () => {
    fc.assert(fc.property(
      fc.array(step, { minLength: 1, maxLength: 20 }),
      fc.constantFrom('next-installment' as const, 're-amortise' as const),
      (steps, prepaymentStrategy) => {
        const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 400, prepaymentStrategy }), '6000.00', 12, DISBURSED);
        runHistory(loan, steps, {
          dayScale: 3,
          // Payments reach far back (up to 120 days), so they change which past days were non-performing.
          reshape: (s) => (s.op === 'repay' ? { ...s, back: s.back * 3 } : s),
          onStep: () => {
            const state = loan.state;
            if ((state.status !== 'active' && state.status !== 'overdue') || state.rescheduledOn !== null) return;
            expect(-cents(loan.figures().ledger.interest_income), `interest income through ${state.interestAccruedThrough}`).toBe(incomeFromHistory(state));
          },
        });
      },
    ), { numRuns: Number(process.env.LEDGER_RUNS ?? 200) });
  });
});
