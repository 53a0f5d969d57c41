import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

describe('a loan turning non-performing on an installment\'s due date suspends that row\'s last day', () => {
  /**
   * 6 000.00 / 12 m / 12 % disbursed 2024-01-15 (installment 533.09), rows 1 and 2 paid on their due dates, row 3
   * (due 04-15) never: 91 days past due at the close of 07-15 (04-15 + 91), row 6's due date. Row 6's interest by hand
   * (1 % of the balance after five rows: 6 000.00 → 5 526.91 → 5 049.09 → 4 566.49 → 4 079.06 → 3 586.76) is 35.87,
   * earned over 06-15 → 07-15 (30 days): 17.94 by 06-30 (3 587 × 15 / 30 = 1 793.5 → HALF_EVEN 1 794), 34.67 by 07-14
   * (3 587 × 29 / 30 = 3 467.43), 35.87 by 07-15 — the day 07-15 earns row 6 the last 1.20. The close of 07-15 (a due
   * date) posts row 6's 06-30 → 07-15: 35.87 − 17.94 = 17.93 earned, of it 07-15's 1.20 non-performing, 16.73 income.
   */
  it('given row 3 unpaid 91 days on row 6\'s due date 07-15, the close of 07-15 posts 16.73 of income and suspends 1.20 (07-15)', () => {
    const loan = new ServicedLoan('N6', servicingTerms({ writeOffDpd: 400 }), '6000.00', 12, '2024-01-15');
    let posted: LoanEvent[] = [];
    for (let day = '2024-01-16'; day <= '2024-07-15'; day = addDays(day, 1)) {
      if (day === '2024-02-15' || day === '2024-03-15') loan.repay('533.09', `p${day}`, day);
      posted = loan.close(day);
    }
    expect(loan.state.installments[5]?.due.interest).toBe('35.87');
    expect(posted.filter((e) => e.type === 'InterestAccrued').map((e) => e.data)).toEqual([
      { date: '2024-07-15', from: '2024-06-30', to: '2024-07-15', amount: '16.73', suspended: { amount: '1.20', spans: [{ from: '2024-07-15', to: '2024-07-15' }] } },
    ]);
  });
});
