import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { DISBURSED } from './servicing-history.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

describe('a reversal recorded after later closes leaves an installment paid in time now paid after its grace (QA 6 #4)', () => {
  it('given row 1 (1 020.07 due 2024-02-15, 2 grace days) paid on its due date by A, 2 100.00 paid by B on 03-15 and closes through 03-20 (02-29\'s recorded an accrual), when A is reversed on 03-20, then the reversal records the 25.00 penalty dated 02-18 (QA 12 Q1: before, the next close did) and B pays it first', async () => {
    const loan = new ServicedLoan('Q4', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
    let today = DISBURSED;
    while (today < '2024-03-20') {
      today = addDays(today, 1);
      if (today === '2024-02-15') loan.repay('1020.07', 'a', today);
      if (today === '2024-03-15') loan.repay('2100.00', 'b', today);
      loan.close(today);
    }
    expect(loan.state.penalties).toEqual([]);
    expect(loan.state.lastEodDate).toBe('2024-02-29');
    const reversal = loan.run({ type: 'ReverseRepayment', data: { reference: 'a', reason: 'bounced', effectiveDate: '2024-03-20', reversedBy: 'officer-1' } }, '2024-03-20');
    // Replayed without A, row 1 was unpaid at the end of its last grace day (02-17) and is paid only by B on 03-15:
    // the penalty stands, charged at the start of 02-18. The close of 02-29 (an accrual) had judged row 1 paid in time;
    // the reversal records it at once (reason RepaymentReversed, not a close), so B pays it first in the loan's figures
    // and in the ledger from the reversal on (QA 12 Q1: left to the next close, the ledger booked B's 25.00 as principal
    // until then). The reversal reopens the loan (B had overpaid it, so no close accrued since 02-29): the next close
    // accrues row 2's interest through its 03-15 due date, the last day interest is posted on, as closing each night since
    // would have; row 3's days from 03-15, which B paid ahead, wait for the month-end (QA 8 N10: paid interest is income once accrued).
    expect(reversal.slice(1)).toEqual([{ type: 'PenaltyCharged', data: { number: 1, amount: '25.00', date: '2024-02-18', reason: 'RepaymentReversed' } }]);
    expect(loan.close('2024-03-21')).toEqual([
      expect.objectContaining({ type: 'InterestAccrued', data: expect.objectContaining({ date: '2024-03-21', from: '2024-02-29', to: '2024-03-15' }) }),
    ]);
    expect(loan.close('2024-03-22')).toEqual([]);
    // By hand: B (03-15) pays row 1's penalty 25.00, interest 30.00 and principal 990.07 (1 045.07), then row 2, due
    // that day, 20.10 + 999.97 (1 020.07): 2 065.14. The 34.86 left goes to row 3, whose period starts that day and
    // so owes 1 % of the principal left: 1 009.96 − p, with p + 1 % × (1 009.96 − p) = 34.86 → p = 25.01, interest
    // 9.85. Principal left 984.95 (it was 959.70 with no penalty: the 25.00 went to principal).
    const [row1, row2, row3] = loan.state.installments;
    expect(row1).toMatchObject({ due: { penalty: '25.00' }, paid: { penalty: '25.00', interest: '30.00', principal: '990.07' }, settled: true, settledOn: '2024-03-15' });
    expect(row2?.paid).toMatchObject({ interest: '20.10', principal: '999.97' });
    expect(row3?.paid).toMatchObject({ interest: '9.85', principal: '25.01' });
    expect(loan.figures().outstanding).toEqual({ principal: '984.95', interest: '0.00', fees: '0.00', penalties: '0.00', total: '984.95' });
    const ledger = await loan.ledger();
    expect(ledger.balanced).toBe(true);
    expect(ledger.balances).toEqual(loan.figures().ledger);
    // 3 000.00 out, 2 100.00 back (A bounced); 30.00 + 20.10 + 9.85 of interest paid and 25.00 of penalty. Accrued
    // through 03-15, row 3 (re-based on 03-15, 9.85 over 03-15 → 04-15) has earned nothing yet: income 30.00 + 20.10
    // = 50.10, and row 3's 9.85 received in advance (QA 8 N10) until the 03-31 close accrues its first 16 days.
    expect([ledger.balances.fund_source, ledger.balances.interest_income, ledger.balances.received_in_advance, ledger.balances.penalty_income])
      .toEqual(['-900.00', '-50.10', '-9.85', '-25.00']);
  });

  it('the same reversal told the last close (as the server tells it) records row 1 overdue and the class at once, and the penalty dated 02-18 with it, which the next close does not charge again (QA 8 N1, QA 12 Q1)', () => {
    const loan = new ServicedLoan('Q8', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
    let today = DISBURSED;
    while (today < '2024-03-20') {
      today = addDays(today, 1);
      if (today === '2024-02-15') loan.repay('1020.07', 'a', today);
      loan.close(today);
    }
    loan.context = { lastClose: '2024-03-20' };
    const reversal = loan.run({ type: 'ReverseRepayment', data: { reference: 'a', reason: 'bounced', effectiveDate: '2024-03-20', reversedBy: 'officer-1' } }, '2024-03-20');
    // Without A, rows 1 (due 02-15) and 2 (due 03-15) are past due as of the close of 03-20: 34 days, 关注.
    // Without A, row 1 (due 02-15) is past due as of the close of 03-20; row 2 (due 03-15) already was, and its
    // penalty was charged on 03-18; the class (关注) does not move. The reversal records row 1 overdue at once.
    expect(reversal.map((e) => e.type)).toEqual(['RepaymentReversed', 'PenaltyCharged', 'InstallmentOverdue']);
    // It carries the last close it was told: 02-18 is a night that close had judged, so the ledger books it as a late correction (qa21 #7).
    expect(reversal[1]?.data).toEqual({ number: 1, amount: '25.00', date: '2024-02-18', reason: 'RepaymentReversed', lastClose: '2024-03-20' });
    expect(reversal[2]?.data).toEqual({ number: 1, dueDate: '2024-02-15', amountDue: '1045.07', date: '2024-03-20', reason: 'RepaymentReversed' });
    expect(loan.state.classification).toBe('special-mention');
    // Neither event is a close: the next one judges row 1 again and finds its penalty charged.
    expect(loan.close('2024-03-21')).toEqual([]);
    expect(loan.state.penalties.map((p) => [p.number, p.date, p.amount])).toEqual([[2, '2024-03-18', '25.00'], [1, '2024-02-18', '25.00']]);
  });

  it('a penalty the reversal records back-dated re-allocates a later payment and leaves its row short: the reversal records that row\'s penalty too, the row overdue and the class (QA 8 N6, QA 12 Q1)', () => {
    const loan = new ServicedLoan('Q9', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
    let today = DISBURSED;
    while (today < '2024-03-20') {
      today = addDays(today, 1);
      if (today === '2024-02-15') loan.repay('1020.07', 'a', today);
      if (today === '2024-03-15') loan.repay('2040.14', 'b', today);
      loan.close(today);
    }
    loan.context = { lastClose: '2024-03-20' };
    // Without A, row 1 was unpaid at the end of its grace (02-17): its penalty, dated 02-18, is recorded by the reversal;
    // replayed, B (03-15) pays it first and row 2 (due 03-15) is 25.00 short since 03-16, so unpaid at the end of its
    // grace (03-17): its penalty is owed too, dated 03-18, as it is when the same facts are recorded in date order
    // (QA 10 R1 repro E). Told the last close, the reversal records row 2 overdue and the class (5 days: 关注). B had
    // paid the loan off on 03-15, so the close of 03-15 posted nothing; reopened, row 2 earns its interest for
    // 02-29 … 03-15 again, 20.10 × 15/29 = 10.40, which the reversal records as those closes would have.
    const reversal = loan.run({ type: 'ReverseRepayment', data: { reference: 'a', reason: 'bounced', effectiveDate: '2024-03-20', reversedBy: 'officer-1' } }, '2024-03-20');
    expect(reversal.slice(1)).toEqual([
      { type: 'PenaltyCharged', data: { number: 1, amount: '25.00', date: '2024-02-18', reason: 'RepaymentReversed', lastClose: '2024-03-20' } },
      { type: 'PenaltyCharged', data: { number: 2, amount: '25.00', date: '2024-03-18', reason: 'RepaymentReversed', lastClose: '2024-03-20' } },
      { type: 'InstallmentOverdue', data: { number: 2, dueDate: '2024-03-15', amountDue: '50.00', date: '2024-03-20', reason: 'RepaymentReversed' } },
      { type: 'LoanClassified', data: { from: 'normal', to: 'special-mention', dpd: 5, date: '2024-03-20', reason: 'RepaymentReversed' } },
      { type: 'InterestAccrued', data: { date: '2024-03-20', from: '2024-02-29', to: '2024-03-15', amount: '10.40', reason: 'RepaymentReversed' } },
    ]);
    expect(loan.close('2024-03-21')).toEqual([]);
    expect(loan.state.status).toBe('overdue');
    expect(loan.state.classification).toBe('special-mention');
  });
});
