import { describe, expect, it } from 'vitest';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

const lines = (entry: { lines: { account: string; side: string; amount: string }[] } | undefined) =>
  Object.fromEntries((entry?.lines ?? []).map((l) => [`${l.side === 'debit' ? 'Dr' : 'Cr'} ${l.account}`, l.amount]));

describe('a back-dated payment that shows the loan was performing un-suspends those days\' interest (QA 8 N3)', () => {
  it('given 12 000.00 / 12 m / 12 % disbursed 2026-06-30, nothing paid, closes on 07-01 and 11-20 (each missed month-end booked on its night; NPA from 10-29: 8.72 suspended), when row 1 is paid back-dated to its due date 07-30, then the 6.09 posted through 10-30 is income at once, and the 11-30 close suspends only 11-29 → 11-30 (5.26)', async () => {
    const loan = new ServicedLoan('G1', servicingTerms({ principal: { min: '1000.00', max: '20000.00' }, term: { min: 1, max: 24 }, writeOffDpd: 400 }), '12000.00', 12, '2026-06-30');
    loan.close('2026-07-01');
    loan.close('2026-11-20');
    // Rows' interest by hand: 1 % of the balance after each row's scheduled principal (installment 1 066.19):
    // 120.00, 110.54, 100.98, 91.33, 81.58. The 11-20 close books the posting days it missed on their nights, as the
    // nightly closes post them (QA 10 R8): each due date (a row due and unpaid) and month-end, and nothing for 11-20
    // itself (no posting day since 10-31). Row 1 (due 07-30) unpaid is 91 days past due on 10-29: the 10-30 posting
    // books rows 1–4 (422.85) with row 4's 10-29 and 10-30 suspended (91.33 × 2 / 30 = 6.09), and the 10-31 month-end
    // nothing (its one day, 2.63 of row 5, is non-performing: income 422.85 − 6.09 = 416.76).
    expect(loan.figures().ledger.interest_income).toBe('-416.76');
    loan.repay('1066.19', 'G1BD', '2026-07-30');
    // Row 1 paid on its due date, the oldest unpaid row is row 2 (due 08-30), 91 days past due only on 11-29: the loan
    // performed through 10-30, so all 422.85 posted is income — the 6.09 is income now, not suspended for ever; row 5's
    // 10-31 waits for the next posting, as on the book closed nightly. (Before, the catch-up posted month-ends only and
    // booked 10-31 too: 425.48, 8.72 at once.)
    expect(loan.figures().ledger.interest_income).toBe('-422.85');
    const { journal, balances, balanced } = await loan.ledger();
    // The payment's entry: 120.00 of interest paid, and 6.09 income at once; the receivable was the 416.76 accrued and
    // is now 422.85 − 120.00 = 302.85 (down 113.91).
    expect(lines(journal.find((e) => e.kind === 'repayment'))).toEqual({
      'Dr fund_source': '1066.19', 'Cr loan_portfolio': '946.19', 'Cr interest_receivable': '113.91', 'Cr interest_income': '6.09',
    });
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    // The 11-30 close: row 5's 31 days (81.58) are earned; of them 11-29 and 11-30 are non-performing
    // (81.58 × 2 / 31 = 5.26): income 422.85 + 81.58 − 5.26 = 499.17 (504.43 earned, 5.26 suspended).
    loan.close('2026-11-30');
    expect(loan.figures().ledger.interest_income).toBe('-499.17');
  });
});
