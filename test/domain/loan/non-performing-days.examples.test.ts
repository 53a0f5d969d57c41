import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { suspendedSpans } from '../../../src/domain/loan/non-performing-days.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';

/** 6 000.00 over 12 months at 12 %, disbursed 2024-01-15, closed every night through `through`, nothing paid. */
function unpaidThrough(through: string): ServicedLoan {
  const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 400 }), '6000.00', 12, '2024-01-15');
  for (let day = '2024-01-16'; day <= through; day = addDays(day, 1)) loan.close(day);
  return loan;
}

/**
 * By hand: row 1 falls due 2024-02-15; it is more than 90 days past due from the close of 05-16
 * (02-15 + 91). A payment of 3 000.00 dated 06-10 settles rows 1–4 (4 × 533.09 = 2 132.36, the
 * rest ahead), so at the close of 06-10 no row is owed more than 90 days: the loan performed that
 * day. Non-performing days through 06-30: 05-16 … 06-09, one span ending the day before the cure.
 */
describe('non-performing days end the day before the fact that cured them', () => {
  it('given row 1 unpaid past 90 days and arrears paid on 06-10, the loan was non-performing 2024-05-16 … 06-09', () => {
    const loan = unpaidThrough('2024-06-09');
    loan.repay('3000.00', 'p1', '2024-06-10');
    expect(loan.state.installments.slice(0, 4).map((row) => row.settledOn)).toEqual(['2024-06-10', '2024-06-10', '2024-06-10', '2024-06-10']);
    expect(suspendedSpans(loan.state, '2024-06-30')).toEqual([{ from: '2024-05-16', to: '2024-06-09' }]);
  });

  it('given the same payment keyed in on 06-20, back-dated to 06-10 after ten more closes, the span still ends 06-09', () => {
    const loan = unpaidThrough('2024-06-19');
    loan.run({ type: 'ReceiveRepayment', data: { amount: '3000.00', channel: 'online', reference: 'p1', effectiveDate: '2024-06-10' } }, '2024-06-20');
    expect(suspendedSpans(loan.state, '2024-06-30')).toEqual([{ from: '2024-05-16', to: '2024-06-09' }]);
  });
});
