import { describe, expect, it } from 'vitest';
import { loanSnapshotCodec } from '../../src/domain/loan/snapshot-codec.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

/**
 * QA 8, prepayment override cent. 3 000.00 at 12 %, 3 monthly rows from 2024-01-15, next-installment,
 * one period of grace on interest (row 2 collects it). 990.10 paid on the disbursement day with a
 * reduce-term override recomputes row 3: 1 009.95 of principal and 10.10 of interest (what it is
 * priced with, Installment.priced). Then on the same day X = 1 105.44 and Y = 0.91.
 */
function overridden(): ServicedLoan {
  const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'next-installment', graceOnInterest: 1 }));
  loan.run({ type: 'ReceiveRepayment', data: { amount: '990.10', channel: 'online', reference: 'p0', effectiveDate: '2024-01-15', prepayment: 'reduce-term' } }, '2024-01-15');
  return loan;
}

const rows = (loan: ServicedLoan) => loan.state.installments.map(({ due, paid, settled }) => ({ due, paid, settled }));

describe('after a prepayment override, X then Y leave the loan as X + Y', () => {
  it('given row 3 re-amortised to 1 009.95 + 10.10, when 1 105.44 then 0.91 are paid on 2024-01-15, then row 3 owes 9.32 of interest, as after 1 106.35 at once', () => {
    const apart = overridden();
    apart.repay('1105.44', 'x', '2024-01-15');
    apart.repay('0.91', 'y', '2024-01-15');
    const once = overridden();
    once.repay('1106.35', 'y', '2024-01-15');
    // By hand: the money pays row 2 in full (999.95 + 18.64) and 78.44 of row 3's principal, which then owes
    // 1 009.95 − 78.44 = 931.51, and interest 10.10 × 931.51 ÷ 1 009.95 = 9.3155 → 9.32. Before, Y re-scaled X's
    // rounded 9.32 (10.10 × 932.42 ÷ 1 009.95 = 9.3247) by 931.50 ÷ 932.42: 9.3108 → 9.31, and 78.45 of principal.
    expect(apart.state.installments[2]).toMatchObject({ due: { principal: '1009.95', interest: '9.32' }, paid: { principal: '78.44', interest: '9.32' } });
    expect(rows(apart)).toEqual(rows(once));
    expect(apart.figures().outstanding).toEqual(once.figures().outstanding);
  });
});

describe('a re-amortised row\'s pricing in a snapshot', () => {
  it('round-trips through the snapshot codec (with and without a re-based accrual on the row)', () => {
    const loan = overridden();
    loan.repay('1105.44', 'x', '2024-01-15');
    expect(loan.state.installments[2]?.priced).toEqual({ interest: '10.10', principal: '1009.95' });
    const stored: unknown = JSON.parse(JSON.stringify(loanSnapshotCodec.encode(loan.state)));
    expect(loanSnapshotCodec.decode(stored)).toEqual(loan.state);
    const withAccrual = { ...loan.state, installments: loan.state.installments.map((row) => ({ ...row, accrual: { date: '2024-01-15', earned: '0.00', rest: '1.00', basis: '3000.00', interestBefore: '1.00' } })) };
    expect(loanSnapshotCodec.decode(JSON.parse(JSON.stringify(loanSnapshotCodec.encode(withAccrual))))).toEqual(withAccrual);
    // With the period's earlier re-basings too (InterestRebase.earlier).
    const earlier = [{ date: '2024-01-10', earned: '0.00', interestBefore: '2.00' }, { date: '2024-01-12', earned: '0.50', interestBefore: '1.50' }];
    const withEarlier = { ...loan.state, installments: loan.state.installments.map((row) => ({ ...row, accrual: { date: '2024-01-15', earned: '0.90', rest: '0.60', basis: '3000.00', interestBefore: '1.20', earlier } })) };
    expect(loanSnapshotCodec.decode(JSON.parse(JSON.stringify(loanSnapshotCodec.encode(withEarlier))))).toEqual(withEarlier);
  });
});
