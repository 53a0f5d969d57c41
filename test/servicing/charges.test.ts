import { describe, expect, it } from 'vitest';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import type { OfficerChargeKind } from '../../src/domain/loan/events.js';
import type { LedgerAccount } from '../../src/domain/loan/ledger-accounts.js';
import { ServicedLoan } from './serviced-loan.js';

/** 3 000.00 at 12 %, 3 monthly rows from 2024-01-15: each 1 020.07 (row 1: 30.00 interest + 990.07 principal, due 2024-02-15). */
const charge = (kind: OfficerChargeKind, amount: string, dueDate: string, date: string): LoanCommand => ({
  type: 'ApplyCharge', data: { kind, amount, dueDate, reason: 'test', date, appliedBy: 'officer-1' },
});

async function expectLedgerAgrees(loan: ServicedLoan): Promise<Record<LedgerAccount, string>> {
  const { balances, balanced } = await loan.ledger();
  expect(balanced).toBe(true);
  expect(balances).toEqual(loan.figures().ledger);
  return balances;
}

describe('officer-applied charges', () => {
  it('a 50.00 document fee due 2024-02-10 lands on row 1 (period 01-15..02-15): 1 020.07 + 50.00 = 1 070.07 pays it, fee first', async () => {
    const loan = new ServicedLoan();
    const [applied] = loan.run(charge('document-fee', '50.00', '2024-02-10', '2024-01-20'), '2024-01-20');
    expect(applied).toMatchObject({ type: 'ChargeApplied', data: { kind: 'document-fee', component: 'fee', number: 1, amount: '50.00', date: '2024-01-20' } });
    expect(loan.state.installments[0]?.due).toMatchObject({ fee: '50.00', interest: '30.00', principal: '990.07' });
    expect(loan.figures().nextDue).toEqual({ date: '2024-02-15', amount: '1070.07' });
    // A fee is recognised when its row falls due (or is paid), like the schedule's own fees.
    expect((await expectLedgerAgrees(loan)).fee_income).toBe('0.00');
    loan.close('2024-02-15');
    expect((await expectLedgerAgrees(loan)).fee_receivable).toBe('50.00');
    const [received] = loan.repay('1070.07', 'p1', '2024-02-15');
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '0.00', fee: '50.00', interest: '30.00', principal: '990.07', excess: '0.00' });
    expect(loan.state.installments[0]?.settled).toBe(true);
    const ledger = await expectLedgerAgrees(loan);
    expect(ledger).toMatchObject({ fee_income: '-50.00', fee_receivable: '0.00', loan_portfolio: '2009.93' });
  });

  it('a payment dated before the charge was applied does not pay it; the charge past the last row goes on row 3', () => {
    const loan = new ServicedLoan();
    loan.run(charge('document-fee', '10.00', '2030-01-01', '2024-01-20'), '2024-01-20');
    expect(loan.state.installments[2]?.due.fee).toBe('10.00');
    // 3 060.21 = the three rows; paid on 2024-01-18, before the fee existed, it pays off principal and ends the loan's interest.
    loan.repay('500.00', 'p1', '2024-01-18');
    expect(loan.state.installments.map((row) => row.paid.fee)).toEqual(['0.00', '0.00', '0.00']);
  });

  it('a 25.00 late fee is a penalty: booked at once, paid before fee and interest of its row, and waivable', async () => {
    const loan = new ServicedLoan();
    loan.close('2024-02-20');
    expect(loan.state.status).toBe('overdue');
    // 2024-02-15 is row 1's due date, so row 1 holds it (its period ends that day).
    loan.run(charge('late-fee', '25.00', '2024-02-15', '2024-02-20'), '2024-02-20');
    expect(loan.state.installments[0]?.due.penalty).toBe('25.00');
    expect(await expectLedgerAgrees(loan)).toMatchObject({ penalty_receivable: '25.00', penalty_income: '-25.00' });
    // 1 020.07 pays the 25.00 penalty first, then 30.00 interest, then 965.07 of the 990.07 principal: 25.00 left.
    const [received] = loan.repay('1020.07', 'p1', '2024-02-20');
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '25.00', fee: '0.00', interest: '30.00', principal: '965.07', excess: '0.00' });
    // A collection fee dated 2024-02-20 falls in row 2's period (02-15..03-15].
    expect(loan.run(charge('collection-fee', '40.00', '2024-02-20', '2024-02-20'), '2024-02-20')[0]).toMatchObject({ data: { component: 'penalty', number: 2 } });
    loan.run({ type: 'WaiveCharge', data: { kind: 'penalty', amount: '40.00', reason: 'goodwill', effectiveDate: '2024-02-20' } }, '2024-02-20');
    expect(loan.state.installments[1]?.waived.penalty).toBe('40.00');
    expect(await expectLedgerAgrees(loan)).toMatchObject({ penalty_receivable: '0.00', penalty_income: '-25.00' });
  });

  it('reversing the payment that paid a charge makes it owed again, and the ledger follows', async () => {
    const loan = new ServicedLoan();
    loan.run(charge('document-fee', '50.00', '2024-02-15', '2024-01-20'), '2024-01-20');
    loan.repay('1070.07', 'p1', '2024-02-15');
    loan.run({ type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-02-16', reversedBy: 'officer-1' } }, '2024-02-16');
    expect(loan.state.installments[0]).toMatchObject({ settled: false, paid: { fee: '0.00' } });
    expect(loan.payoff('2024-02-16')).toMatchObject({ fees: '50.00' });
    expect(await expectLedgerAgrees(loan)).toMatchObject({ fund_source: '-3000.00' });
  });

  it('a charge on a row already paid on time reopens it; close of business then finds it past due from the day it was applied (QA 12 Q5)', () => {
    const loan = new ServicedLoan();
    loan.repay('1020.07', 'p1', '2024-02-15');
    loan.close('2024-02-20');
    loan.run(charge('document-fee', '15.00', '2024-02-01', '2024-02-20'), '2024-02-20');
    expect(loan.state.firstUnsettled).toBe(0);
    loan.close('2024-02-21');
    expect(loan.state.status).toBe('overdue');
    // Past due from the day it was applied, not from row 1's due date (paid on time then): 2024-02-21 − 2024-02-20 = 1 day
    // (it used to be 6, from 2024-02-15).
    expect(loan.figures('2024-02-21').daysPastDue).toBe(1);
    loan.repay('15.00', 'p2', '2024-02-21');
    expect(loan.state.status).toBe('active');
  });
});

describe('officer charges and reschedules', () => {
  it('a reschedule that would replace a row holding an officer charge is refused; one after it is not', () => {
    const loan = new ServicedLoan();
    loan.run(charge('document-fee', '20.00', '2024-03-01', '2024-01-20'), '2024-01-20');
    expect(() => loan.run({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2024-01-20', term: 6, annualRate: null } }, '2024-01-20'))
      .toThrow(expect.objectContaining({ code: 'RESCHEDULE_WITH_CHARGES' }));
    // From 2024-03-15 on, row 2 (which holds the fee) is kept as it is.
    loan.close('2024-03-15');
    loan.run({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2024-03-15', term: 6, annualRate: null } }, '2024-03-15');
    expect(loan.state.installments[1]?.due.fee).toBe('20.00');
  });
});
