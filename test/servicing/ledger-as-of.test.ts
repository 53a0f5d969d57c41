import { describe, expect, it } from 'vitest';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { everyAsOfViewIsReal } from './ledger-as-of.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

// QA example (M7): a penalty charged on 10-04, then a repayment dated 10-02 that shows the row was
// paid in time, so the penalty is voided. The void used to be booked on 10-02, before the charge:
// the trial balance as of 10-02 showed penalty_receivable -86.27 and penalty income on the debit side.
describe('the general ledger as of a past date', () => {
  it('books a back-dated fact with the loan\'s later entries, so no as-of view shows a void before its charge', async () => {
    const loan = new ServicedLoan('M1', servicingTerms({ penalty: { type: 'percent', value: '5', cap: null, graceDays: 3 } }), '10000.00', 6, '2026-08-31');
    for (let day = '2026-09-01'; day <= '2026-10-05'; day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) loan.close(day);
    const charged = loan.state.installments[0]!.due.penalty;
    expect(charged).not.toBe('0.00');
    loan.repay('1725.48', 'late-news', '2026-10-02');
    expect(loan.state.installments[0]!.due.penalty).toBe('0.00');
    const { journal, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    const repayment = journal.find((e) => e.kind === 'repayment')!;
    expect(repayment).toMatchObject({ valueDate: '2026-10-02', date: '2026-10-04' });
    const asOfPayment = buildTrialBalance(journal, '2026-10-02').rows;
    expect(asOfPayment.find((r) => r.account === 'penalty_receivable')?.balance).toBe('0.00');
    everyAsOfViewIsReal(journal);
  });
});
