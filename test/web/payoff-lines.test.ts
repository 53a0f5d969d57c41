import { describe, expect, it } from 'vitest';
import { payoffLines } from '../../web/src/loans/payoff-lines.js';

describe('payoff quote lines (QA 12 W3)', () => {
  it('names interest paid ahead beyond what the date earned a credit, never negative interest: 45 000.00 paid 5 000.00 on the day of disbursement', () => {
    expect(payoffLines({ principal: '40485.83', interest: '-485.83', fees: '0.00', penalties: '0.00' })).toEqual([
      { label: 'row.principal', amounts: ['40485.83'] },
      { label: 'payoff.interestCredit', amounts: ['-485.83'] },
      { label: 'loan.outstandingFeesPenalties', amounts: ['0.00', '0.00'] },
    ]);
  });

  it('names fees paid ahead a credit and shows penalties on their own line', () => {
    expect(payoffLines({ principal: '1000.00', interest: '3.20', fees: '-10.00', penalties: '50.00' })).toEqual([
      { label: 'row.principal', amounts: ['1000.00'] },
      { label: 'row.interest', amounts: ['3.20'] },
      { label: 'payoff.feesCredit', amounts: ['-10.00'] },
      { label: 'row.penalty', amounts: ['50.00'] },
    ]);
  });

  it('shows what is owed as the server gives it', () => {
    expect(payoffLines({ principal: '1000.00', interest: '0.00', fees: '10.00', penalties: '0.00' }).map((l) => l.label)).toEqual(['row.principal', 'row.interest', 'loan.outstandingFeesPenalties']);
  });
});
