import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { DISBURSED } from './servicing-history.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

describe('a percent penalty owed after a reversal is priced on its row as it stood at the end of its grace', () => {
  /**
   * penalty-after-reversal's history with a 5 % penalty: 3 000.00 over 3 months at 12 %, row 1
   * 1 020.07 due 2024-02-15 with 2 grace days, paid on its due date by A; B pays 2 100.00 on 03-15
   * (row 1 settled then); closes through 03-20; A is reversed on 03-20. Replayed without A, row 1
   * owed all its 1 020.07 at the end of 02-17: the penalty is 5 % of that, 51.0035 → 51.00, dated
   * 02-18 — not 5 % of what row 1 owes now (nothing: B paid it), which would charge no penalty at all.
   */
  it('given A reversed after B paid row 1 late, the reversal records 51.00 dated 02-18 and B pays it first', () => {
    const loan = new ServicedLoan('Q4', servicingTerms({ penalty: { type: 'percent', value: '5', cap: null, graceDays: 2 } }));
    let today = DISBURSED;
    while (today < '2024-03-20') {
      today = addDays(today, 1);
      if (today === '2024-02-15') loan.repay('1020.07', 'a', today);
      if (today === '2024-03-15') loan.repay('2100.00', 'b', today);
      loan.close(today);
    }
    expect(loan.state.penalties).toEqual([]);
    // The reversal records the penalty it makes owed itself (QA 12 Q1); the next close finds nothing more to charge.
    const reversal = loan.run({ type: 'ReverseRepayment', data: { reference: 'a', reason: 'bounced', effectiveDate: '2024-03-20', reversedBy: 'officer-1' } }, '2024-03-20');
    expect(reversal.filter((e) => e.type === 'PenaltyCharged')).toEqual([
      { type: 'PenaltyCharged', data: { number: 1, amount: '51.00', date: '2024-02-18', reason: 'RepaymentReversed' } },
    ]);
    expect(loan.close('2024-03-21').filter((e) => e.type === 'PenaltyCharged')).toEqual([]);
    expect(loan.state.installments[0]).toMatchObject({ due: { penalty: '51.00' }, paid: { penalty: '51.00' }, settled: true, settledOn: '2024-03-15' });
  });

  /**
   * The percent is of everything the row owed then, its fees too (delinquency.ts penaltyAmount): row 1
   * (1 020.07 due 2024-02-15, 2 grace days) carries an officer's 100.00 document fee due with it and
   * nothing is paid; the close of 02-18 charges 5 % of 1 120.07 = 56.0035 → 56.00, dated 02-18.
   */
  it('given row 1 unpaid with a 100.00 document fee due with it, the close after its grace charges 56.00, fees counted', () => {
    const loan = new ServicedLoan('F5', servicingTerms({ penalty: { type: 'percent', value: '5', cap: null, graceDays: 2 } }));
    const charged = [];
    for (let day = '2024-01-16'; day <= '2024-02-18'; day = addDays(day, 1)) {
      if (day === '2024-01-20') loan.run({ type: 'ApplyCharge', data: { kind: 'document-fee', amount: '100.00', dueDate: '2024-02-15', reason: 'test', date: day, appliedBy: 'officer-1' } }, day);
      charged.push(...loan.close(day).filter((e) => e.type === 'PenaltyCharged'));
    }
    expect(charged).toEqual([{ type: 'PenaltyCharged', data: { number: 1, amount: '56.00', date: '2024-02-18' } }]);
  });
});
