import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

/** A 3 000.00 loan left unpaid from 2024-01-15 until close of business on `until` classified it. */
function delinquentLoan(until: string): ServicedLoan {
  const loan = new ServicedLoan('L1', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
  for (let day = '2024-01-16'; day <= until; day = addDays(day, 1)) loan.close(day);
  return loan;
}

describe('a loan that owes nothing is classified normal with no delinquency flag', () => {
  it('M8: a payment that overpays a substandard NPA loan makes it overpaid, normal, 0 DPD, without the npa flag', () => {
    const loan = delinquentLoan('2024-05-20');
    expect(loan.state.classification).toBe('substandard');
    expect(loan.state.flags).toContain('npa');
    const payoff = loan.payoff('2024-05-20');
    const events = loan.repay((Number(payoff.total) + 100).toFixed(2), 'p1', '2024-05-20');
    expect(events.map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanOverpaid']);
    expect(loan.state).toMatchObject({ status: 'overpaid', classification: 'normal', daysPastDue: 0, creditBalance: '100.00' });
    expect(loan.state.flags).not.toContain('npa');
    // Close of business leaves an overpaid loan alone, and it stays normal.
    expect(loan.close('2024-05-21')).toEqual([]);
    expect(loan.state.classification).toBe('normal');
  });

  it('M8: reversing the payment that overpaid it makes it owe again, and the next close of business classifies it again', () => {
    const loan = delinquentLoan('2024-05-20');
    const payoff = loan.payoff('2024-05-20');
    loan.repay((Number(payoff.total) + 100).toFixed(2), 'p1', '2024-05-20');
    expect(loan.state).toMatchObject({ status: 'overpaid', classification: 'normal', daysPastDue: 0 });
    loan.run({ type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-05-21', reversedBy: 'officer-1' } }, '2024-05-21');
    expect(loan.state.status).toBe('overdue');
    expect(loan.close('2024-05-22').find((e) => e.type === 'LoanClassified')?.data).toMatchObject({ from: 'normal', to: 'substandard' });
    expect(loan.state.flags).toContain('npa');
  });
});
