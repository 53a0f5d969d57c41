import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

describe('rescheduling a non-performing loan keeps its capitalised suspended interest out of income (QA 8 N5)', () => {
  it('given 12 000.00 / 12 m / 12 % disbursed 2026-06-30, nothing paid, closed nightly (NPA from 10-29, row 1 due 07-30 + 91 days), when it is rescheduled on 11-20 over 12 months, then the 55.26 it capitalises goes to interest_in_suspense, not income, and to income only when cash repays it', async () => {
    const loan = new ServicedLoan('N5', servicingTerms({ principal: { min: '1000.00', max: '20000.00' }, term: { min: 1, max: 24 }, writeOffDpd: 400 }), '12000.00', 12, '2026-06-30');
    let today = '2026-06-30';
    while (today < '2026-11-20') {
      today = addDays(today, 1);
      loan.close(today);
    }
    expect(loan.state.classification).toBe('substandard');
    const before = loan.figures().ledger;
    loan.run({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2026-11-20', term: 12 } }, '2026-11-20');
    // By hand: installment 1 066.19; rows 1–4 repay 946.19, 955.65, 965.21, 974.86 of principal, leaving 8 158.09, so
    // row 5 (10-30 → 11-30, the one running on 11-20) owes 1 % × 8 158.09 = 81.58 and has earned 21 of its 31 days:
    // 81.58 × 21 / 31 = 55.26, every day of it non-performing (10-29 on). Capitalised, it is principal the borrower
    // owes, but not income: before the fix the reschedule credited all 55.26 to interest_income.
    const rescheduled = loan.log.events.at(-1);
    expect(rescheduled?.data).toMatchObject({ capitalizedInterest: '55.26', capitalizedSuspended: '55.26' });
    const after = loan.figures().ledger;
    expect(after.interest_income).toBe(before.interest_income);
    expect(after.interest_in_suspense).toBe('-55.26');
    const ledger = await loan.ledger();
    expect(ledger.balanced).toBe(true);
    expect(ledger.balances).toEqual(after);
    // Cash that repays all principal reaches the capitalised part last: paid off, the 55.26 is income.
    loan.repay(loan.payoff('2026-11-20').total, 'OFF', '2026-11-20');
    expect(loan.state.status).toBe('closed');
    const closed = loan.figures().ledger;
    expect(closed.interest_in_suspense).toBe('0.00');
    // Income grows by the 55.26 released and by row 4's suspended days 10-29 and 10-30, paid now in cash:
    // 91.33 × 2 / 30 = 6.09 (interest of rows 1–4 the closes accrued was income already): 61.35.
    expect(new Decimal(closed.interest_income).minus(after.interest_income).toFixed(2)).toBe('-61.35');
  });
});
