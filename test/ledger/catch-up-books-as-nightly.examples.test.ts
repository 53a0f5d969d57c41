import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

const terms = servicingTerms({ principal: { min: '1000.00', max: '20000.00' }, term: { min: 1, max: 24 }, writeOffDpd: 400, penalty: { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } });
const balancesAsOf = (journal: JournalEntry[], date: string) => Object.fromEntries(buildTrialBalance(journal, date).rows.map((r) => [r.account, r.balance]));

describe('a catch-up close books a missed date\'s income on that date (QA 8 N2, loan M of s54)', () => {
  it('given 12 000.00 / 12 m / 12 % disbursed 2026-06-30 (fixed 50.00 penalty after 3 days), closed on 07-01, row 1 (due 07-30) paid 1 066.19 dated 08-05 and recorded before the missed dates are closed, when 07-02 … 08-31 are closed in order, then the trial balance as of 07-31 and of 08-04 is what closing nightly shows', async () => {
    const catchUp = new ServicedLoan('M', terms, '12000.00', 12, '2026-06-30');
    catchUp.close('2026-07-01');
    catchUp.repay('1066.19', 'M1', '2026-08-05');
    for (let day = '2026-07-02'; day <= '2026-08-31'; day = addDays(day, 1)) catchUp.close(day);
    const nightly = new ServicedLoan('M', terms, '12000.00', 12, '2026-06-30');
    for (let day = '2026-07-01'; day <= '2026-08-31'; day = addDays(day, 1)) {
      if (day === '2026-08-05') nightly.repay('1066.19', 'M1', day);
      nightly.close(day);
    }
    const [a, b] = [(await nightly.ledger()).journal, (await catchUp.ledger()).journal];
    // By hand, as of 07-31: row 1's interest 1 % × 12 000.00 = 120.00 accrued on its due date 07-30, and row 2's first
    // day at month-end, 110.54 / 31 = 3.57: interest income 123.57, all of it receivable; no penalty yet (row 1's grace
    // runs 07-31 … 08-02). Before the fix the catch-up booked both accruals on 08-05, the payment's date: 0.00 as of 07-31.
    expect(balancesAsOf(b, '2026-07-31')).toMatchObject({ interest_income: '-123.57', interest_receivable: '123.57', penalty_income: '0.00' });
    // As of 08-04: the penalty charged on 08-03 (50.00), unpaid, and still no payment.
    expect(balancesAsOf(b, '2026-08-04')).toMatchObject({ penalty_income: '-50.00', penalty_receivable: '50.00', fund_source: '-12000.00' });
    for (const date of ['2026-07-30', '2026-07-31', '2026-08-03', '2026-08-04', '2026-08-05', '2026-08-31']) {
      expect(balancesAsOf(b, date), `as of ${date}`).toEqual(balancesAsOf(a, date));
    }
    const ledger = await catchUp.ledger();
    expect(ledger.balanced).toBe(true);
    expect(ledger.balances).toEqual(catchUp.figures().ledger);
  });
});
