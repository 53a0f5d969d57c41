import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { delinquencySpells } from '../../../src/domain/loan/delinquency-spells.js';
import { NPA_AFTER_DAYS, nonPerformingOn, suspendedSpans } from '../../../src/domain/loan/non-performing-days.js';
import { hasLateCharges } from '../../../src/domain/loan/past-due-spans.js';
import type { DaySpan } from '../../../src/domain/loan/state.js';
import { daysPastDueOn } from '../../servicing/days-past-due-on.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';
import { runHistory } from '../../servicing/run-history.js';
import { DISBURSED, step } from '../../servicing/servicing-history.js';

const within = (spans: readonly DaySpan[], day: string) => spans.some((span) => span.from <= day && day <= span.to);

/** The days worth asking: either side of each span's ends, and a few drawn between the first and last day. */
function daysToAsk(spans: readonly DaySpan[], first: string, last: string, picks: readonly number[]): string[] {
  const days = new Set<string>();
  for (const span of spans) for (const day of [addDays(span.from, -1), span.from, span.to, addDays(span.to, 1)]) days.add(day);
  const length = Math.max(1, Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000));
  for (const pick of picks) days.add(addDays(first, pick % length));
  return [...days].filter((day) => day >= first && day <= last).sort();
}

/**
 * DOMAIN.md "Delinquency and classification" and "NPA loans stop accruing": interest is suspended on
 * exactly the days the loan's class says it was non-performing (more than 90 days past due), and a
 * loan is in a delinquency spell on exactly the days it was past due, each day as the history now
 * stands. An officer's late charge is the case the rows as they stand cannot tell (a late fee applied
 * 50 days after a row paid on time suspended the loan's interest 91 days after the row's due date,
 * its class 正常); histories here draw charges often, dated before and after their rows fall due.
 */
describe('past-due days are the class’s days past due, each day as the history now stands', () => {
  it('over random histories with officer charges: suspended days are those over 90 days past due, delinquency spells those past due at all', () => {
    let lateCharged = 0;
    fc.assert(fc.property(
      fc.array(step, { minLength: 1, maxLength: 16 }),
      fc.array(fc.nat(), { minLength: 3, maxLength: 6 }),
      (steps, picks) => {
        const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 400 }), '6000.00', 12, DISBURSED);
        const today = runHistory(loan, steps, { dayScale: 3, reshape: (s) => (s.op === 'repay' ? { ...s, cents: s.cents * 3, back: s.back * 3 } : s) });
        const state = loan.state;
        if (state.accruingSince === null || typeof today !== 'string') return;
        if (hasLateCharges(state)) lateCharged += 1;
        const first = addDays(state.accruingSince, 1);
        const suspended = suspendedSpans(state, today);
        const npaOn = nonPerformingOn(state);
        const spells = delinquencySpells(state, today).map((spell) => ({ from: spell.since, to: spell.until === null ? today : addDays(spell.until, -1) }));
        for (const day of daysToAsk([...suspended, ...spells], first, today, picks)) {
          const dpd = daysPastDueOn(state, day);
          expect(within(suspended, day), `suspended on ${day} (${dpd} days past due)`).toBe(dpd > NPA_AFTER_DAYS);
          expect(npaOn(day), `non-performing on ${day} (${dpd} days past due)`).toBe(dpd > NPA_AFTER_DAYS);
          expect(within(spells, day), `in a delinquency spell on ${day} (${dpd} days past due)`).toBe(dpd > 0);
        }
      },
    ), { numRuns: Number(process.env.PAST_DUE_DAYS_RUNS ?? 80) });
    expect(lateCharged).toBeGreaterThan(0);
  }, 240_000);
});
