import { describe, expect, it } from 'vitest';
import { loanDecider } from '../../../src/domain/loan/decider.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import { loanFigures } from '../../../src/domain/loan/figures.js';
import { payoffQuote } from '../../../src/domain/loan/payoff.js';
import { given } from '../decider-spec.js';
import { disbursedLoan, repay } from './fixtures.js';

const keyed = (amount: string, reference: string, effectiveDate: string): LoanCommand => ({
  type: 'ReceiveRepayment', data: { amount, channel: 'bank_transfer', reference, effectiveDate, keyed: { overpaymentConfirmed: true } },
});

describe('money a channel reports after the loan stopped owing', () => {
  it('lands on a closed loan as credit to refund, reopening it as overpaid', () => {
    const life = disbursedLoan();
    life.run(repay(payoffQuote(life.state, '2026-01-25').total, 'payoff', '2026-01-25'));
    expect(life.state.status).toBe('closed');
    // Staff keying money onto a closed loan is still refused.
    given(loanDecider, life.events).when(keyed('500.00', 'k1', '2026-01-26')).thenThrows('LOAN_NOT_ACTIVE', 'conflict');
    expect(life.run(repay('500.00', 'chan-1', '2026-01-26'))).toEqual([
      expect.objectContaining({ type: 'RepaymentReceived', data: expect.objectContaining({ amount: '500.00', allocation: expect.objectContaining({ excess: '500.00' }) }) }),
      { type: 'LoanOverpaid', data: { amount: '500.00', date: '2026-01-26' } },
    ]);
    expect(life.state).toMatchObject({ status: 'overpaid', creditBalance: '500.00', closedOn: null });
    expect(loanFigures(life.state, '2026-01-26').creditBalance).toBe('500.00');
    // The same notification again records nothing new.
    given(loanDecider, life.events).when(repay('500.00', 'chan-1', '2026-01-26')).then([]);
  });

  it('adds to the credit of an overpaid loan', () => {
    const life = disbursedLoan();
    life.run(repay('100400.00', 'p', '2026-01-25'));
    expect(life.state).toMatchObject({ status: 'overpaid', creditBalance: '77.42' });
    expect(life.run(repay('22.58', 'chan-2', '2026-01-27')).map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanOverpaid']);
    expect(life.state).toMatchObject({ status: 'overpaid', creditBalance: '100.00' });
  });
});
