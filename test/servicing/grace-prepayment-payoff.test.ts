import { describe, expect, it } from 'vitest';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

describe('grace on interest with a re-amortising prepayment (QA 6 #1, found by the servicing property: seed -746834173)', () => {
  it('given 3 000.00 over 3 months with 2 periods of grace on interest, when 1 640.95, 1 359.04 and 0.01 are paid the day after disbursement, then each payment lowers the day\'s payoff by exactly its amount and the loan closes for one payoff of 3 000.66, under every prepayment strategy', async () => {
    for (const prepaymentStrategy of ['re-amortise', 'last-installments', 'next-installment'] as const) {
      const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 30, prepaymentStrategy, graceOnInterest: 2, penalty: null }), '3000.00', 3, '2024-01-15');
      loan.close('2024-01-16');
      // By hand (1 % a month): rows repay 990.07, 999.97, 1 009.96; row 3 collects period 1's 30.00 (on 3 000.00),
      // period 2's 20.10 (on 2 009.93) and its own 10.10 (on 1 009.96) = 60.20, earned evenly over the 91 days from
      // the disbursement (01-15 → 04-15): by 01-16, 60.20 × 1/91 = 0.66. One payoff that day: 3 000.66.
      expect(loan.payoff('2024-01-16').total).toBe('3000.66');
      loan.repay('1640.95', 'a', '2024-01-16');
      // Period 1 runs since 01-15 and keeps its 30.00; periods 2 and 3 now run on less (re-amortised: 13.59 + 6.83), but
      // the 0.66 row 3 had earned by 01-16 stays earned (it used to be spread afresh from 01-15: 50.42 × 1/91 = 0.55).
      // 1 359.05 of principal + 0.66 = 1 359.71 = 3 000.66 − 1 640.95, whatever the strategy.
      expect(loan.payoff('2024-01-16').total, prepaymentStrategy).toBe('1359.71');
      loan.repay('1359.04', 'b', '2024-01-16');
      // 0.01 of principal left; periods 2 and 3 earn nothing on it (row 3: 30.00), the 0.66 earned stays: 0.67 (it was 0.34).
      expect(loan.payoff('2024-01-16').total, prepaymentStrategy).toBe('0.67');
      loan.repay('0.01', 'c', '2024-01-16');
      // The last cent of principal is paid; interest of days not run is forgone, the 0.66 earned is still owed (it
      // used to stay a credit of 0.01 on a loan turned overpaid while 0.01 of principal and the deferred interest were owed).
      expect(loan.state.status, prepaymentStrategy).toBe('active');
      expect(loan.state.creditBalance).toBe('0.00');
      expect(loan.payoff('2024-01-16').total, prepaymentStrategy).toBe('0.66');
      loan.repay('0.66', 'd', '2024-01-16');
      // 1 640.95 + 1 359.04 + 0.01 + 0.66 = 3 000.66: what one payoff that day closes it for.
      expect(loan.state.status, prepaymentStrategy).toBe('closed');
      expect(loan.state.installments.map((row) => row.paid.interest)).toEqual(['0.00', '0.00', '0.66']);
      const ledger = await loan.ledger();
      expect(ledger.balanced).toBe(true);
      expect(ledger.balances).toEqual(loan.figures().ledger);
      expect([ledger.balances.loan_portfolio, ledger.balances.interest_income, ledger.balances.fund_source]).toEqual(['0.00', '-0.66', '0.66']);
    }
  });
});
