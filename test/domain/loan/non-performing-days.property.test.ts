import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { NPA_AFTER_DAYS, suspendedSpans } from '../../../src/domain/loan/non-performing-days.js';
import { hasLateCharges } from '../../../src/domain/loan/past-due-spans.js';
import type { DaySpan, LoanState } from '../../../src/domain/loan/state.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';
import { runHistory } from '../../servicing/run-history.js';
import { DISBURSED, step } from '../../servicing/servicing-history.js';

/**
 * The oracle, day by day: at the close of `day` the loan is non-performing when some row was still
 * owed more than NPA_AFTER_DAYS days after its due date — owed at that close unless a fact dated on
 * or before `day` settled it (settledOn ≤ day), and a row settled before settledOn was tracked never
 * counts (DOMAIN.md "Delinquency and classification": NPA is overdue beyond the product threshold).
 */
function nonPerformingOn(state: LoanState, day: string): boolean {
  return state.installments.some((row) => addDays(row.dueDate, NPA_AFTER_DAYS) < day && !(row.settled && (row.settledOn === null || row.settledOn <= day)));
}

/** The non-performing days after `from` through `to`, as merged spans, from the day-by-day oracle. */
function oracleSpans(state: LoanState, from: string, to: string): DaySpan[] {
  const spans: DaySpan[] = [];
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (!nonPerformingOn(state, day)) continue;
    const last = spans[spans.length - 1];
    if (last !== undefined && addDays(last.to, 1) === day) last.to = day;
    else spans.push({ from: day, to: day });
  }
  return spans;
}

describe('suspendedSpans: the days a loan was non-performing, read from its rows as the history stands', () => {
  it('over random histories reaching 90+ days past due (payments reaching far back, reversals, waivers, reschedules), equals the day-by-day count through any date: each span ends the day before the fact that cured it', () => {
    fc.assert(fc.property(
      fc.array(step, { minLength: 1, maxLength: 20 }),
      fc.array(fc.integer({ min: -120, max: 200 }), { minLength: 1, maxLength: 3 }),
      (steps, offsets) => {
        const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 400 }), '6000.00', 12, DISBURSED);
        runHistory(loan, steps, {
          dayScale: 3,
          reshape: (s) => (s.op === 'repay' ? { ...s, cents: s.cents * 3, back: s.back * 3 } : s),
          onStep: ({ today }) => {
            const state = loan.state;
            // A loan with a charge applied after its row fell due is read day by day (past-due-days-by-date.property.test.ts).
            if (state.accruingSince === null || hasLateCharges(state)) return;
            for (const offset of offsets) {
              const through = addDays(today, offset);
              expect(suspendedSpans(state, through), `through ${through}`).toEqual(oracleSpans(state, state.accruingSince, through));
            }
          },
        });
      },
    ), { numRuns: Number(process.env.NPA_SPAN_RUNS ?? 100) });
  }, 240_000);
});
