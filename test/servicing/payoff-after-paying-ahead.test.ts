import { describe, expect, it } from 'vitest';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

/**
 * 12 000.00 at 12 %, 12 monthly equal rows from 2024-01-10 under next-installment: row 1 is
 * 946.19 + 120.00 = 1 066.19, due 2024-02-10 (31 days).
 */
function paidAhead(): ServicedLoan {
  const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'next-installment' }), '12000.00', 12, '2024-01-10');
  // Paid early, the next installment is paid, its interest re-based: by 01-12 it earned 120.00 × 2/31 = 7.74; the
  // 112.26 of its 29 days left follows the principal left, 112.26 × 11 053.81 ÷ 12 000.00 = 103.41, so row 1 owes
  // 111.15 and the 8.85 left pays row 2's interest ahead.
  loan.repay('1066.19', 'p1', '2024-01-12');
  return loan;
}

describe('payoff after an installment paid ahead (next-installment)', () => {
  it('credits back interest for days that never ran: on 2024-01-20 row 1 has earned 7.74 + 103.41 × 8/29 = 36.27, so 111.15 − 36.27 + 8.85 = 83.73 goes to principal', async () => {
    const loan = paidAhead();
    const quote = loan.payoff('2024-01-20');
    expect(quote).toMatchObject({ principal: '11053.81', interest: '-83.73', total: '10970.08' });
    const events = loan.repay(quote.total, 'p2', '2024-01-20');
    expect(events.map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    const [received] = events;
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '0.00', fee: '0.00', interest: '-83.73', principal: '11053.81', excess: '0.00' });
    expect(loan.state.creditBalance).toBe('0.00');
    expect(loan.state.installments[0]).toMatchObject({ due: { interest: '36.27' }, paid: { interest: '36.27', principal: '946.19' }, settled: true });
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    // Income is what the 10 days earned (2 on 12 000.00, 8 on 11 053.81); cash in is 1 066.19 + 10 970.08 = 12 036.27.
    expect(balances.interest_income).toBe('-36.27');
    expect(balances.loan_portfolio).toBe('0.00');
    expect(balances.fund_source).toBe('36.27');
  });

  it('after close of business accrued the period, the credit reverses the income recognised when paid', async () => {
    const loan = paidAhead();
    loan.close('2024-01-19');
    const quote = loan.payoff('2024-01-20');
    expect(quote.total).toBe('10970.08');
    loan.repay(quote.total, 'p2', '2024-01-20');
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances.interest_income).toBe('-36.27');
    expect(balances.interest_receivable).toBe('0.00');
  });

  it('paying less than the credited quote still pays the next installments ahead, with no credit taken', () => {
    const loan = paidAhead();
    const [received] = loan.repay('1066.19', 'p2', '2024-01-20');
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '0.00', fee: '0.00', interest: '110.54', principal: '955.65', excess: '0.00' });
  });

  it('paying more than the quote leaves the difference as credit (11 000.00 − 10 970.08), and interest collected is still 36.27', () => {
    const loan = paidAhead();
    expect(loan.repay('11000.00', 'p2', '2024-01-20').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanOverpaid']);
    expect(loan.state.creditBalance).toBe('29.92');
    expect(loan.state.installments.reduce((sum, row) => sum + Math.round(Number(row.paid.interest) * 100), 0)).toBe(3627);
  });
});
