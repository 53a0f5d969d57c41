import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { delinquencySpells } from '../../../src/domain/loan/delinquency-spells.js';
import { nonPerformingOn, suspendedSpans } from '../../../src/domain/loan/non-performing-days.js';
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

/**
 * By hand: 6 000.00 over 12 months at 12 %, installments of 533.09; rows 1 and 2 paid on their due
 * dates, row 3 paid ahead on 04-01 (533.09 settles it). On 04-05 an officer applies a late fee of 20.00 to row 1 (due 02-15,
 * paid on time) and nobody pays it; row 4 (due 05-15) is not paid either. Row 1 owes only the fee,
 * past due from the fee's date, so it is more than 90 days past due from the close of 07-05
 * (04-05 + 91), not from 05-16 (02-15 + 91); row 4 alone would be from 08-14. So interest is
 * suspended 07-05 … 07-31, the loan being 91 … 117 days past due (次级) then, and performing
 * before: on 06-30 it is 86 days past due, 关注. Delinquent without a break from 04-06.
 */
describe('a late fee on a row paid on time counts past due from the fee, for suspension as for the class', () => {
  it('given a 20.00 late fee dated 04-05 on row 1 (due 02-15, paid on time) left unpaid, interest is suspended from 07-05, not 05-16', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 400 }), '6000.00', 12, '2024-01-15');
    const pay: Record<string, string> = { '2024-02-15': 'p1', '2024-03-15': 'p2', '2024-04-01': 'p3' };
    for (let day = '2024-01-16'; day <= '2024-07-31'; day = addDays(day, 1)) {
      const reference = pay[day];
      if (reference !== undefined) loan.repay('533.09', reference, day);
      if (day === '2024-04-05') {
        loan.run({ type: 'ApplyCharge', data: { kind: 'late-fee', amount: '20.00', dueDate: '2024-02-15', reason: 'late notice', date: day, appliedBy: 'officer-1' } }, day);
      }
      loan.close(day);
    }
    expect(loan.state.charges).toEqual([expect.objectContaining({ date: '2024-04-05', number: 1, component: 'penalty', amount: '20.00' })]);
    expect(loan.state.installments.slice(0, 4).map((row) => row.settled)).toEqual([false, true, true, false]);
    expect(suspendedSpans(loan.state, '2024-07-31')).toEqual([{ from: '2024-07-05', to: '2024-07-31' }]);
    const npaOn = nonPerformingOn(loan.state);
    expect([npaOn('2024-05-16'), npaOn('2024-07-04'), npaOn('2024-07-05')]).toEqual([false, false, true]);
    expect(delinquencySpells(loan.state, '2024-07-31')).toEqual([{ since: '2024-04-06', until: null }]);
    expect(loan.state.classification).toBe('substandard');
  });
});
