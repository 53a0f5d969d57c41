import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { DISBURSED } from './servicing-history.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

describe('a reversal recorded after later closes leaves an installment paid in time now paid after its grace (QA 6 #4)', () => {
  it('given row 1 (1 020.07 due 2024-02-15, 2 grace days) paid on its due date by A, 2 000.00 paid by B on 02-20 and closes through 02-25, when A is reversed on 02-25, then the next close charges the 25.00 penalty dated 02-18 and B pays it first', async () => {
    const loan = new ServicedLoan('Q4', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
    let today = DISBURSED;
    while (today < '2024-02-25') {
      today = addDays(today, 1);
      if (today === '2024-02-15') loan.repay('1020.07', 'a', today);
      if (today === '2024-02-20') loan.repay('2000.00', 'b', today);
      loan.close(today);
    }
    expect(loan.state.penalties).toEqual([]);
    loan.run({ type: 'ReverseRepayment', data: { reference: 'a', reason: 'bounced', effectiveDate: '2024-02-25', reversedBy: 'officer-1' } }, '2024-02-25');
    // Replayed without A, row 1 was unpaid at the end of its last grace day (02-17) and is paid only by B on 02-20:
    // the penalty stands, charged at the start of 02-18. Closes after the grace had found row 1 paid in time, so
    // before the fix no close looked at it again (only the first close after a grace did) and it was never charged.
    expect(loan.close('2024-02-25')).toEqual([{ type: 'PenaltyCharged', data: { number: 1, amount: '25.00', date: '2024-02-18' } }]);
    expect(loan.close('2024-02-26').filter((e) => e.type === 'PenaltyCharged')).toEqual([]);
    // By hand: B (02-20) pays row 1's penalty 25.00, interest 30.00 and principal 990.07 (1 045.07); the 954.93 left
    // goes to row 2, due next, whose period (02-15 → 03-15, 29 days) had earned 20.10 × 5/29 = 3.47 by 02-20 and
    // owes the rest, 16.63, on the principal left: 3.47 + 16.63 × 1 067.30 / 2 009.93 = 12.30, so 942.63 of its
    // principal is paid and 2 009.93 − 942.63 = 1 067.30 remains; row 3 owes 1 % × 1 009.96 = 10.10.
    const [row1, row2] = loan.state.installments;
    expect(row1).toMatchObject({ due: { penalty: '25.00' }, paid: { penalty: '25.00', interest: '30.00', principal: '990.07' }, settled: true, settledOn: '2024-02-20' });
    expect(row2?.paid).toMatchObject({ interest: '12.30', principal: '942.63' });
    expect(loan.figures().outstanding).toEqual({ principal: '1067.30', interest: '10.10', fees: '0.00', penalties: '0.00', total: '1077.40' });
    const ledger = await loan.ledger();
    expect(ledger.balanced).toBe(true);
    expect(ledger.balances).toEqual(loan.figures().ledger);
    // 3 000.00 out, 2 000.00 back (A bounced); income 30.00 + 12.30 of interest and 25.00 of penalty.
    expect([ledger.balances.fund_source, ledger.balances.interest_income, ledger.balances.penalty_income]).toEqual(['-1000.00', '-42.30', '-25.00']);
  });
});
