import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanTransactions, type LoanTransaction } from '../../src/app/queries/loan-transactions.js';
import { addDays } from '../../src/domain/calendar.js';
import { minorOf } from '../../src/domain/money.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory } from './run-history.js';
import { attempt, DISBURSED, step } from './servicing-history.js';

const FIXED_PENALTY_50 = { type: 'fixed' as const, value: '50.00', cap: null, graceDays: 0 };
const penalties = (loan: ServicedLoan) => loanTransactions({ customerId: 'C1', events: loan.log.events })
  .filter((tx): tx is Extract<LoanTransaction, { type: 'penalty' }> => tx.type === 'penalty');

describe('/transactions marks a voided penalty', () => {
  it('a payment dated on the due date, recorded after close of business charged the penalty, voids it; a later row\'s penalty stands', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: FIXED_PENALTY_50 }));
    for (let day = '2024-01-16'; day <= '2024-03-17'; day = addDays(day, 1)) loan.close(day);
    expect(penalties(loan).map((p) => [p.installment, p.amount, p.voided])).toEqual([[1, '50.00', false], [2, '50.00', false]]);
    loan.repay('1020.07', 'p1', '2024-02-15');
    expect(penalties(loan).map((p) => [p.installment, p.amount, p.voided])).toEqual([[1, '50.00', true], [2, '50.00', false]]);
    expect(loan.figures().outstanding.penalties).toBe('50.00');
  });

  it('over random histories (without reschedules): the penalties not marked voided are exactly what close of business charged onto the schedule', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), (steps) => {
      const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 30, penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }), '3000.00', 3, DISBURSED);
      runHistory(loan, steps, { record: (command, today) => command.type !== 'Reschedule' && attempt(loan, command, today) });
      const standing = penalties(loan).filter((p) => !p.voided).reduce((sum, p) => sum + minorOf(p.amount, 2), 0n);
      const onRows = loan.state.installments.reduce((sum, row) => sum + minorOf(row.due.penalty, 2), 0n);
      const officer = loan.state.charges.filter((c) => c.component === 'penalty').reduce((sum, c) => sum + minorOf(c.amount, 2), 0n);
      expect(standing).toBe(onRows - officer);
    }), { numRuns: Number(process.env.SERVICING_RUNS ?? 200) });
  });
});
