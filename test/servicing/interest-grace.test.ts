import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

// 12 000.00 at 12 % over 12 months from 2025-06-01 with two periods of grace on interest: rows 1–2
// carry no interest and row 3 (due 2025-09-01) collects 120.00 + 110.54 + 100.98 = 331.52. Found by
// a tester: the deferred interest only accrued over row 3's own period, so a payoff on 2025-08-01
// quoted no interest at all and 12 000.00 closed the loan, forgiving 230.54.
describe('grace on interest', () => {
  const graceLoan = () => new ServicedLoan('G1', servicingTerms({ graceOnInterest: 2 }), '12000.00', 12, '2025-06-01');

  it('defers the first two periods\' interest to row 3', () => {
    const rows = graceLoan().state.installments.slice(0, 3).map((row) => row.due.interest);
    expect(rows).toEqual(['0.00', '0.00', '331.52']);
  });

  it('earns the deferred interest evenly from the disbursement, so a payoff during the grace never forgives it', () => {
    const loan = graceLoan();
    // 331.52 × 61 / 92 days (2025-06-01 → 08-01 of 06-01 → 09-01) = 219.81.
    expect(loan.payoff('2025-08-01')).toMatchObject({ principal: '12000.00', interest: '219.81', total: '12219.81' });
    // 331.52 × 29 / 92 = 104.50 before row 1 is even due.
    expect(loan.payoff('2025-06-30').interest).toBe('104.50');
  });

  it('paying that quote closes the loan with the interest it quoted, and the ledger recognises it', async () => {
    const loan = graceLoan();
    let today = '2025-06-01';
    while (today < '2025-08-01') loan.close((today = addDays(today, 1)));
    const quote = loan.payoff('2025-08-01');
    const events = loan.repay(quote.total, 'payoff', '2025-08-01');
    expect(events.map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    expect(events[0]?.data).toMatchObject({ allocation: { principal: '12000.00', interest: '219.81' } });
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    expect(balances).toMatchObject({ interest_income: '-219.81', interest_receivable: '0.00', loan_portfolio: '0.00' });
  });

  it('close of business accrues the deferred interest month by month (month-end 2025-06-30: 331.52 × 29 / 92)', async () => {
    const loan = graceLoan();
    let today = '2025-06-01';
    while (today < '2025-06-30') loan.close((today = addDays(today, 1)));
    expect(loan.figures().receivable.interest).toBe('104.50');
  });
});
