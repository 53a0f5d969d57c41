import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { recognisedInterest, recognisedInterestBetween } from '../../../src/domain/loan/figures.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';
import { runHistory } from '../../servicing/run-history.js';
import { DISBURSED, step } from '../../servicing/servicing-history.js';

describe('recognisedInterestBetween: what close of business accrues, from the rows the period crosses', () => {
  it('over random servicing histories (prepayments, reschedules, waivers, reversals, 90+ days past due), equals recognisedInterest(to) − recognisedInterest(from) for any from ≤ to', () => {
    fc.assert(fc.property(
      fc.array(step, { minLength: 1, maxLength: 20 }),
      fc.constantFrom('next-installment' as const, 're-amortise' as const, 'last-installments' as const),
      fc.array(fc.tuple(fc.integer({ min: -200, max: 400 }), fc.integer({ min: 0, max: 120 })), { minLength: 1, maxLength: 4 }),
      (steps, prepaymentStrategy, windows) => {
        const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 400, prepaymentStrategy }), '6000.00', 12, DISBURSED);
        runHistory(loan, steps, {
          dayScale: 2,
          onStep: ({ today }) => {
            const state = loan.state;
            for (const [offset, length] of windows) {
              const from = addDays(today, offset);
              const to = addDays(from, length);
              expect(recognisedInterestBetween(state, from, to), `${from} → ${to}`).toBe(recognisedInterest(state, to) - recognisedInterest(state, from));
            }
          },
        });
      },
    ), { numRuns: Number(process.env.BETWEEN_RUNS ?? 150) });
  }, 240_000);
});
