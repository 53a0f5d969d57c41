import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { payoffParts, principalFirst } from '../../../src/domain/loan/payoff-parts.js';
import { loanContext } from '../../../src/domain/loan/payoff.js';
import { principalFirstFloor } from '../../../src/domain/loan/principal-first-floor.js';
import { minorOf } from '../../../src/domain/money.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';
import { runHistory } from '../../servicing/run-history.js';
import { DISBURSED, step } from '../../servicing/servicing-history.js';

describe('principalFirstFloor: the payments allocation may skip pricing the payoff for', () => {
  it('on a 30-year loan, whose scheduled interest exceeds its principal, an installment paid on its due date is below the floor (rows not started have earned nothing)', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ term: { min: 1, max: 360 } }), '200000.00', 360, DISBURSED);
    const ctx = loanContext(loan.state);
    const row1 = loan.state.installments[0]!;
    const date = row1.dueDate;
    const least = principalFirst(loan.state.installments, date, ctx, payoffParts(loan.state.installments, date, ctx)).least;
    const floor = principalFirstFloor(loan.state.installments, date, ctx);
    // All the principal: row 2's period starts that day, so no row not yet due has earned anything (the
    // floor used to subtract the 359 rows' scheduled interest, more than the principal: it was below zero).
    expect(floor).toBe(minorOf('200000.00', 2));
    expect(floor <= minorOf(least.toFixed(2), 2)).toBe(true);
    const installment = minorOf(row1.due.principal, 2) + minorOf(row1.due.interest, 2);
    expect(installment < floor).toBe(true);
  });

  it('over random servicing histories (payments ahead, overrides, reschedules, waivers, charges, reversals) and dates, never exceeds the least payment that pays all principal', () => {
    fc.assert(fc.property(
      fc.array(step, { minLength: 1, maxLength: 20 }),
      fc.constantFrom('next-installment' as const, 're-amortise' as const, 'last-installments' as const),
      fc.array(fc.integer({ min: -40, max: 400 }), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 3 }),
      (steps, prepaymentStrategy, offsets, graceOnInterest) => {
        const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 400, prepaymentStrategy, graceOnInterest }), '6000.00', 12, DISBURSED);
        runHistory(loan, steps, {
          onStep: ({ today }) => {
            const state = loan.state;
            const ctx = loanContext(state);
            for (const offset of offsets) {
              const date = addDays(today, offset);
              const least = principalFirst(state.installments, date, ctx, payoffParts(state.installments, date, ctx)).least;
              expect(principalFirstFloor(state.installments, date, ctx) <= minorOf(least.toFixed(2), 2), `on ${date}`).toBe(true);
            }
          },
        });
      },
    ), { numRuns: Number(process.env.FLOOR_RUNS ?? 150) });
  }, 240_000);
});
