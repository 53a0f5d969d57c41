import { describe, expect, it } from 'vitest';
import { earnedInterest } from '../../src/domain/loan/accrual.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import { stateAsOf } from '../../src/domain/loan/state-as-of.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

describe('what a row earned by a date does not move with facts dated later (examples)', () => {
  it('a payoff dated 01-17 cuts row 1\'s interest to the 0.21 it earned and leaves the 0.11 it had earned by 01-16 (before: 0.01)', () => {
    // The earned-by-a-date property's first counterexample: 3 000.00 at 12 % over 3 months from 2024-01-15.
    const loan = new ServicedLoan('EB1', servicingTerms());
    loan.repay('2670.91', 'p1', '2024-01-15');
    const ctx = loanContext(loan.state);
    // Paid ahead on the disbursement day: row 1's period re-based on the 332.41 of principal left: 1 % of it, 3.32, over 31 days.
    expect(loan.state.installments[0]?.due.interest).toBe('3.32');
    expect(earnedInterest(loan.state.installments[0]!, '2024-01-16', ctx).toFixed(2)).toBe('0.11'); // 3.32 × 1/31 = 0.107
    loan.run({ type: 'ReceiveRepayment', data: { amount: '329.30', channel: 'online', reference: 'p2', effectiveDate: '2024-01-17' } }, '2024-01-25');
    expect(loan.state.status).toBe('closed');
    // The payoff forgoes the interest of days not yet run: row 1 owes what it earned by 01-17, 3.32 × 2/31 = 0.21, and
    // earned the 0.11 of 01-16 as before. Before, the cut interest was re-spread from 01-15: 0.21 × 1/31 = 0.01 by 01-16.
    const row1 = loan.state.installments[0]!;
    expect(row1.due.interest).toBe('0.21');
    for (const [date, earned] of [['2024-01-16', '0.11'], ['2024-01-17', '0.21'], ['2024-02-01', '0.21']] as const) {
      expect(earnedInterest(row1, date, ctx).toFixed(2), date).toBe(earned);
    }
    expect(earnedInterest(stateAsOf(loan.state, '2024-01-16').installments[0]!, '2024-01-16', ctx).toFixed(2)).toBe('0.11');
  });
});
