import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

describe('a close that charges a back-dated penalty accrues on the loan as the penalty leaves it', () => {
  it('a bounced in-time payment reversed on 02-29, dated 02-15: the close charges row 1\'s 51.00 (dated 02-19), the 02-20 payment pays it first and nothing ahead, so row 2 earns 9.70 to 02-29 — the event says 9.70, as the ledger books (before: 9.71)', async () => {
    // 3 000.00 at 12 % over 3 months from 2024-01-15, a 5 % penalty (cap 60.00) after 3 grace days, closed every night.
    const loan = new ServicedLoan('AC1', servicingTerms({ penalty: { type: 'percent', value: '5', cap: '60.00', graceDays: 3 } }));
    let day = '2024-01-15';
    const closeBefore = (date: string) => {
      for (; day < date; day = addDays(day, 1)) {
        loan.close(day);
        loan.context = { lastClose: day };
      }
    };
    closeBefore('2024-02-15');
    loan.repay('1020.07', 'p1', '2024-02-15'); // row 1 in full, on its due date
    closeBefore('2024-02-20');
    loan.repay('1040.18', 'p2', '2024-02-20');
    closeBefore('2024-02-29');
    // Dated 02-15 (the bounce's value date), the reversal records the penalties owed by then: none (QA 12 Q1).
    loan.run({ type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-02-15', reversedBy: 'officer-1' } }, '2024-02-29');
    const closed = loan.close('2024-02-29');
    // Without p1, row 1 (1 020.07) was unpaid at the end of 02-18: 5 % = 51.00, dated 02-19. p2 (02-20) pays it, row 1's
    // 30.00 interest and 959.18 of its principal, and nothing of row 2. Row 2 (02-15 → 03-15, 29 days, 20.10) earned
    // 20.10 × 14/29 = 9.70 by 02-29. Priced without the penalty, p2 paid row 2 ahead from 02-20 and its interest split
    // there: 20.10 × 5/29 = 3.47, then 16.63 × 9/24 = 6.24, 9.71 — what the event said while the ledger booked 9.70.
    expect(closed.find((e) => e.type === 'PenaltyCharged')?.data).toEqual({ number: 1, amount: '51.00', date: '2024-02-19' });
    expect(closed.find((e) => e.type === 'InterestAccrued')?.data).toEqual({ date: '2024-02-29', from: '2024-02-15', to: '2024-02-29', amount: '9.70' });
    const { journal, balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    const accrual = loan.log.events.find((e) => e.type === 'InterestAccrued' && (e.data as { date: string }).date === '2024-02-29');
    const lines = journal.filter((j) => j.eventId === accrual?.eventId).flatMap((j) => j.lines).filter((l) => l.account === 'interest_income');
    expect(lines).toEqual([{ account: 'interest_income', side: 'credit', amount: '9.70' }]);
  });
});
