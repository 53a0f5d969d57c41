import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { given } from '../domain/decider-spec.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

/** 3 000.00 over 3 months from 2024-01-15, never paid; 25.00 penalty per row 3 days late, closed daily through `until`. */
function unpaidLoan(until: string): ServicedLoan {
  const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 30, penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
  for (let day = '2024-01-16'; day <= until; day = addDays(day, 1)) loan.close(day);
  return loan;
}

const history = (loan: ServicedLoan): LoanEvent[] => loan.log.events.map((e) => ({ type: e.type, data: e.data }) as LoanEvent);
const request = (date: string): LoanCommand => ({ type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'uncollectable', date } });
const approve = (date: string): LoanCommand => ({ type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date } });

describe('a write-off takes what was owed on its date, never before it was requested', () => {
  it('qa19 Q7: a request dated before the disbursement is refused as every command dated so is (before: WRITE_OFF_DPD_TOO_LOW, 0 days past due then)', () => {
    const loan = unpaidLoan('2024-05-20');
    given(loanDecider, history(loan)).when(request('2024-01-01')).thenThrows('EFFECTIVE_DATE_BEFORE_DISBURSEMENT', 'rule');
  });

  it('M6: an approval dated before its request is refused', () => {
    const loan = unpaidLoan('2024-05-20');
    loan.run(request('2024-04-10'), '2024-05-20');
    given(loanDecider, history(loan)).when(approve('2024-04-01')).thenThrows('WRITE_OFF_BEFORE_REQUEST', 'rule');
  });

  it('is never dated before the last reschedule, whose contract holds those days (QA: it wrote off interest capitalised the next day)', () => {
    const loan = unpaidLoan('2024-02-20');
    loan.run({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2024-02-20', term: 3, annualRate: '12' } }, '2024-02-20');
    for (let day = '2024-02-21'; day <= '2024-05-10'; day = addDays(day, 1)) loan.close(day);
    given(loanDecider, history(loan)).when(request('2024-02-19')).thenThrows('BACKDATED_BEFORE_RESCHEDULE', 'rule');
    loan.run(request('2024-05-10'), '2024-05-10');
    given(loanDecider, history(loan)).when(approve('2024-02-19')).thenThrows('BACKDATED_BEFORE_RESCHEDULE', 'rule');
    given(loanDecider, history(loan)).when(approve('2024-05-10')).then([expect.objectContaining({ type: 'LoanWrittenOff' })]);
  });

  it('M6: penalties charged after the write-off date are not written off, and interest stops at that date', async () => {
    const loan = unpaidLoan('2024-05-20');
    // Penalties were charged on 02-18, 03-18 and 04-18; interest was accrued through every due date.
    expect(loan.state.penalties.map((p) => p.date)).toEqual(['2024-02-18', '2024-03-18', '2024-04-18']);
    loan.run(request('2024-04-01'), '2024-05-20');
    given(loanDecider, history(loan)).when(approve('2024-04-01')).then([{
      type: 'LoanWrittenOff',
      // Interest: rows 1 and 2 in full (30.00 + 20.10) and row 3's 10.10 for 17 of its 31 days (5.54); before, 60.20 and 75.00.
      // Penalties: 02-18's and 03-18's, booked, for the loan, NPA by 05-20, performed on 04-01 (46 days past due).
      data: { date: '2024-04-01', principal: '3000.00', interest: '55.64', fees: '0.00', penalties: '50.00', refundDue: '0.00', notBooked: { interest: '0.00', fees: '0.00', penalties: '0.00' }, requestedBy: 'officer-1', approvedBy: 'uw-1' },
    }]);
    loan.run(approve('2024-04-01'), '2024-05-20');
    // The ledger follows: the 04-18 penalty and the interest accrued after 04-01 leave income, and losses hold the rest.
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    expect(balances).toMatchObject({ losses_written_off: '3105.64', penalty_income: '-50.00', interest_income: '-55.64', loan_portfolio: '0.00' });
  });

  it('M6: a write-off dated before a repayment is refused', () => {
    const loan = unpaidLoan('2024-05-20');
    loan.repay('10.00', 'p1', '2024-04-05');
    loan.run(request('2024-04-01'), '2024-05-20');
    given(loanDecider, history(loan)).when(approve('2024-04-01')).thenThrows('WRITE_OFF_BEFORE_LATER_FACTS', 'rule');
  });
});
