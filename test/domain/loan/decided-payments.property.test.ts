import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanDecider } from '../../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../../src/domain/loan/events.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';
import { runHistory } from '../../servicing/run-history.js';
import { DISBURSED, step } from '../../servicing/servicing-history.js';

/** The loan folded afresh from its events: no decision ran on these states, so nothing decided is reused. */
function refold(loan: ServicedLoan) {
  let state = loanDecider.initialState();
  for (const event of loan.log.events) state = loanDecider.evolve(state, structuredClone({ type: event.type, data: event.data }) as LoanEvent);
  return state;
}

describe('a repayment folded into the state it was decided on reuses the decision\'s allocation (decided-payments.ts)', () => {
  it('over random servicing histories (payments ahead with overrides, back-dated, reversed, waivers, reschedules, charges), the state is the one a fresh fold of the same events gives', () => {
    fc.assert(fc.property(
      fc.array(step, { minLength: 1, maxLength: 25 }),
      fc.constantFrom('next-installment' as const, 're-amortise' as const, 'last-installments' as const),
      (steps, prepaymentStrategy) => {
        const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 400, prepaymentStrategy }), '6000.00', 12, DISBURSED);
        runHistory(loan, steps);
        expect(loan.state).toEqual(refold(loan));
      },
    ), { numRuns: Number(process.env.DECIDED_RUNS ?? 150) });
  }, 240_000);
});
