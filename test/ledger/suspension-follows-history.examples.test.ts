import { describe, expect, it } from 'vitest';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

const lines = (entry: { lines: { account: string; side: string; amount: string }[] } | undefined) =>
  Object.fromEntries((entry?.lines ?? []).map((l) => [`${l.side === 'debit' ? 'Dr' : 'Cr'} ${l.account}`, l.amount]));

describe('a back-dated payment that shows the loan was performing un-suspends those days\' interest (QA 8 N3)', () => {
  it('given 12 000.00 / 12 m / 12 % disbursed 2026-06-30, nothing paid, closes on 07-01 and 11-20 (each missed month-end booked on its night; NPA from 10-29: 8.72 suspended), when row 1 is paid back-dated to its due date 07-30, then the 8.72 is income at once, and the 11-30 close suspends only 11-29 → 11-30 (5.26)', async () => {
    const loan = new ServicedLoan('G1', servicingTerms({ principal: { min: '1000.00', max: '20000.00' }, term: { min: 1, max: 24 }, writeOffDpd: 400 }), '12000.00', 12, '2026-06-30');
    loan.close('2026-07-01');
    loan.close('2026-11-20');
    // Rows' interest by hand: 1 % of the balance after each row's scheduled principal (installment 1 066.19):
    // 120.00, 110.54, 100.98, 91.33, 81.58. The 11-20 close books the month-ends it missed on their nights (QA 10 R8)
    // and nothing for 11-20 itself (no month-end or due date since 10-31): through 10-31, rows 1–4 (422.85) + row 5's
    // 1 of 31 days (2.63) = 425.48 earned. Row 1 (due 07-30) unpaid is 91 days past due on 10-29: row 4's 10-29 and
    // 10-30 (91.33 × 2 / 30 = 6.09) and row 5's 10-31 (2.63) are suspended: income 425.48 − 6.09 − 2.63 = 416.76.
    expect(loan.figures().ledger.interest_income).toBe('-416.76');
    loan.repay('1066.19', 'G1BD', '2026-07-30');
    // Row 1 paid on its due date, the oldest unpaid row is row 2 (due 08-30), 91 days past due only on 11-29: the loan
    // performed through 10-31, so all 425.48 is income — the 6.09 and 2.63 are income now, not suspended for ever.
    expect(loan.figures().ledger.interest_income).toBe('-425.48');
    const { journal, balances, balanced } = await loan.ledger();
    // The payment's entry: 120.00 of interest paid, and 8.72 (6.09 + 2.63) income at once; the receivable was the
    // 416.76 accrued and is now 425.48 − 120.00 = 305.48 (down 111.28).
    expect(lines(journal.find((e) => e.kind === 'repayment'))).toEqual({
      'Dr fund_source': '1066.19', 'Cr loan_portfolio': '946.19', 'Cr interest_receivable': '111.28', 'Cr interest_income': '8.72',
    });
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    // The 11-30 close: row 5's remaining 30 days (81.58 − 2.63 = 78.95) are earned; of them 11-29 and 11-30 are
    // non-performing (81.58 × 2 / 31 = 5.26): income 425.48 + 78.95 − 5.26 = 499.17 (504.43 earned, 5.26 suspended).
    loan.close('2026-11-30');
    expect(loan.figures().ledger.interest_income).toBe('-499.17');
  });
});
