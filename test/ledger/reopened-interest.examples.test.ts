import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { owedOn } from '../../src/domain/loan/penalties-owed-by.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

/**
 * The landing's CI failure (ledger-shows-the-loan, seed 1060826233): 3 000.00 / 12 % / 3 from 2024-01-15
 * (fixed penalty 25.00, no grace), closed every night. 800.13 on 02-09 and 2 199.87 on 02-11 pay all the
 * principal, so the closes of 02-15 … 02-29 find row 1 owing its interest and nothing earning: the month-end
 * posts nothing. The bounce of the 800.13 on 03-01 reopens principal, so interest is owed for 02-15 … 02-29,
 * days those closes judged. Before, the close of 03-02 recorded it as a close of a missed night and the
 * ledger booked it on 02-29, behind the bounce booked 03-01: February's trial balance moved after it was
 * reported. Now the bounce's own append records it (`reason`), a late correction booked in the open period.
 */
describe('interest a history change makes owed for days the closes judged is recorded by that change and booked in the open period', () => {
  it('given a loan paid down to no principal and closed through 03-01, when the 02-09 payment bounces on 03-01, then the bounce records February\'s 3.99, booked 03-01 valued 02-29, the close of 03-02 records no accrual, and February\'s trial balance does not move', async () => {
    const loan = new ServicedLoan('GL1', servicingTerms({ writeOffDpd: 30, penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 0 } }));
    for (let day = '2024-01-16'; day <= '2024-03-01'; day = addDays(day, 1)) {
      loan.close(day);
      loan.context = { lastClose: day };
      if (day === '2024-02-09') loan.repay('800.13', 'p1', day);
      if (day === '2024-02-11') loan.repay('2199.87', 'p3', day);
    }
    expect(loan.state.principalOutstanding).toBe('0.00');
    expect(loan.state.interestAccruedThrough).toBe('2024-02-15');
    const booked = (await loan.ledger()).journal;
    const events = loan.run({ type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-03-01', reversedBy: 'officer-1' } }, '2024-03-01');
    expect(events.filter((e) => e.type === 'InterestAccrued').map((e) => e.data)).toEqual([
      { date: '2024-02-29', from: '2024-02-15', to: '2024-02-29', amount: '3.99', reason: 'RepaymentReversed' },
    ]);
    const { journal } = await loan.ledger();
    const added = journal.filter((e) => !booked.some((b) => b.id === e.id));
    expect(added.filter((e) => e.kind === 'interest_accrual').map((e) => [e.valueDate, e.date])).toEqual([['2024-02-29', '2024-03-01']]);
    expect(added.every((e) => e.date >= '2024-03-01')).toBe(true);
    expect(buildTrialBalance(journal, '2024-02-29').rows).toEqual(buildTrialBalance(booked, '2024-02-29').rows);
    expect(loan.close('2024-03-02').filter((e) => e.type === 'InterestAccrued')).toEqual([]);
    const after = await loan.ledger();
    expect(after.balanced).toBe(true);
    expect(after.balances).toEqual(loanFigures(owedOn(loan.state, '2024-03-02')).ledger);
  });
});
