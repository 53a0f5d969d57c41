import { describe, expect, it } from 'vitest';
import { delinquencySpells } from '../../src/domain/loan/delinquency-spells.js';
import type { LedgerAccount } from '../../src/domain/loan/ledger-accounts.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

const FIXED_PENALTY_50 = { type: 'fixed' as const, value: '50.00', cap: null, graceDays: 0 };

/** Every ledger account of the loan equals the loan's own figure for it, and the trial balance balances. */
async function expectLedgerAgrees(loan: ServicedLoan): Promise<Record<LedgerAccount, string>> {
  const { balances, balanced } = await loan.ledger();
  expect(balanced).toBe(true);
  expect(balances).toEqual(loan.figures().ledger);
  return balances;
}

describe('servicing: the inputs of issue 10, each with its right value', () => {
  it('1. a payment posted back-dated re-allocates the later one, and the ledger follows', async () => {
    const loan = new ServicedLoan();
    loan.repay('400.00', 'p1', '2024-02-25');
    loan.repay('300.00', 'p2', '2024-02-20');
    expect(loan.state.principalOutstanding).toBe('2330.00');
    const ledger = await expectLedgerAgrees(loan);
    expect(ledger.loan_portfolio).toBe('2330.00');
    // Row 1's 30.00 of interest is paid, but no close has accrued it (accruals run through the disbursement
    // date): received in advance until the close of its due date (02-15) earns it (QA 8 N10).
    expect(ledger.interest_income).toBe('0.00');
    expect(ledger.received_in_advance).toBe('-30.00');
    loan.close('2024-02-15');
    const closed = await expectLedgerAgrees(loan);
    expect([closed.interest_income, closed.received_in_advance]).toEqual(['-30.00', '0.00']);
  });

  it('2. a payment dated on the due date, posted after close of business charged a penalty, voids the penalty', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: FIXED_PENALTY_50 }));
    loan.close('2024-02-20');
    expect(loan.state.status).toBe('overdue');
    const [received] = loan.repay('1020.07', 'p1', '2024-02-15');
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '0.00', fee: '0.00', interest: '30.00', principal: '990.07', excess: '0.00' });
    expect(loan.state.principalOutstanding).toBe('2009.93');
    expect(loan.figures().outstanding.penalties).toBe('0.00');
    loan.close('2024-02-21');
    expect(loan.figures('2024-02-21').daysPastDue).toBe(0);
    expect(loan.state.classification).toBe('normal');
    expect(loan.state.status).toBe('active');
    const ledger = await expectLedgerAgrees(loan);
    expect(ledger.penalty_income).toBe('0.00');
    expect(ledger.penalty_receivable).toBe('0.00');
  });

  it('3. waived interest is never accrued, and the loan paid off keeps no receivable', async () => {
    const loan = new ServicedLoan();
    // On 01-20 row 1 has accrued 30.00 × 5/31 = 4.84: all a waiver may waive then (interest of days not yet run is not owed).
    const waive = (amount: string | null) => ({ type: 'WaiveCharge' as const, data: { kind: 'interest' as const, amount, reason: 'goodwill', effectiveDate: '2024-01-20' } });
    expect(() => loan.run(waive('30.00'), '2024-01-20')).toThrow(expect.objectContaining({ code: 'WAIVER_EXCEEDS_INTEREST_DUE' }));
    expect(loan.run(waive(null), '2024-01-20')[0]?.data).toMatchObject({ amount: '4.84' });
    // Month-end accrues row 1's 30.00 × 16/31 = 15.48: recognition runs up to what the row collects in all,
    // 30.00 − 4.84 = 25.16, which it reaches on the due date; the 4.84 waived is never recognised.
    expect(loan.close('2024-01-31').find((e) => e.type === 'InterestAccrued')?.data).toMatchObject({ amount: '15.48' });
    expect(loan.figures().receivable.interest).toBe('15.48');
    const payoff = loan.payoff('2024-02-15');
    expect(payoff.total).toBe('3025.16');
    const events = loan.repay(payoff.total, 'p1', '2024-02-15');
    expect(events.map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    const ledger = await expectLedgerAgrees(loan);
    expect(ledger.interest_receivable).toBe('0.00');
    expect(ledger.interest_income).toBe('-25.16');
  });

  it('4. a reschedule keeps interest earned to its date (capitalised), and paying off leaves nothing receivable', async () => {
    const loan = new ServicedLoan('L1', servicingTerms(), '12000.00', 12, '2024-01-10');
    const accrued = loan.close('2024-01-31').find((e) => e.type === 'InterestAccrued');
    expect(accrued?.type === 'InterestAccrued' && accrued.data.amount).toBe('81.29');
    expect(loan.payoff('2024-02-05').total).toBe('12100.65');
    loan.run({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2024-02-05', term: 13, annualRate: '12' } }, '2024-02-05');
    expect(loan.payoff('2024-02-05').total).toBe('12100.65');
    await expectLedgerAgrees(loan);
    expect(loan.repay('12000.00', 'p1', '2024-02-05').map((e) => e.type)).toEqual(['RepaymentReceived']);
    expect(loan.payoff('2024-02-05').total).toBe('100.65');
    expect(loan.repay('100.65', 'p2', '2024-02-05').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    const ledger = await expectLedgerAgrees(loan);
    expect(ledger.interest_receivable).toBe('0.00');
    expect(ledger.loan_portfolio).toBe('0.00');
    expect(ledger.interest_income).toBe('-100.65');
  });

  it('5. a refund replayed with its reference pays nothing twice', async () => {
    const loan = new ServicedLoan();
    expect(loan.repay('3200.00', 'p1', '2024-01-15').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanOverpaid']);
    expect(loan.state.creditBalance).toBe('200.00');
    const refund = { type: 'RefundOverpayment' as const, data: { amount: '50.00', channel: 'bank_transfer' as const, reference: 'R1', date: '2024-01-16' } };
    expect(loan.run(refund, '2024-01-16')).toHaveLength(1);
    expect(loan.run(refund, '2024-01-16')).toEqual([]);
    expect(loan.state.creditBalance).toBe('150.00');
    const ledger = await expectLedgerAgrees(loan);
    expect(ledger.overpayment_liability).toBe('-150.00');
  });

  it('6. days past due follow the oldest unpaid installment at every close', async () => {
    const loan = new ServicedLoan();
    loan.close('2024-02-18');
    expect(loan.figures('2024-02-18').daysPastDue).toBe(3);
    loan.close('2024-03-20');
    expect(loan.figures('2024-03-20').daysPastDue).toBe(34);
    expect(loan.state.classification).toBe('special-mention');
    loan.repay('1020.07', 'p1', '2024-03-21');
    loan.close('2024-03-21');
    expect(loan.figures('2024-03-21').daysPastDue).toBe(6);
    expect(loan.figures('2024-03-21').oldestUnpaidDueDate).toBe('2024-03-15');
    await expectLedgerAgrees(loan);
  });

  it('issue 11: paying the next installment in full a month early pays that installment (next-installment strategy)', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'next-installment' }));
    const [received] = loan.repay('1020.07', 'p1', '2024-01-16');
    // Row 1 earned 30.00 × 1/31 = 0.97 by 01-16; the 29.03 of its days left follows the principal left:
    // 29.03 × 2 009.93 ÷ 3 000.00 = 19.45, so row 1's interest is 20.42 and the 9.58 left pays row 2's interest ahead.
    expect(received?.type === 'RepaymentReceived' && received.data.installments).toEqual([
      { number: 1, penalty: '0.00', fee: '0.00', interest: '20.42', principal: '990.07' }, { number: 2, penalty: '0.00', fee: '0.00', interest: '9.58', principal: '0.00' },
    ]);
    expect(loan.state.installments[0]?.settled).toBe(true);
    expect(loan.figures('2024-01-16').nextDue).toEqual({ date: '2024-03-15', amount: '1010.49' });
    // The same money under last-installments pays the bill too (what is due comes first, whatever the strategy), and
    // only what is left prepays the last row's principal instead of row 2's interest. By hand: row 1 owes
    // 0.97 + 29.03 × (2 009.93 − x) ÷ 3 000.00 where x = 30.00 − its interest is prepaid: x = 9.67, interest 20.33.
    // Row 2 then owes 20.10 × 2 000.26 ÷ 2 009.93 = 20.00, row 3 10.10 × 1 000.29 ÷ 1 009.96 = 10.00.
    const other = new ServicedLoan('L2', servicingTerms({ prepaymentStrategy: 'last-installments' }));
    const [otherReceived] = other.repay('1020.07', 'p1', '2024-01-16');
    expect(otherReceived?.type === 'RepaymentReceived' && otherReceived.data.installments).toEqual([
      { number: 1, penalty: '0.00', fee: '0.00', interest: '20.33', principal: '990.07' }, { number: 3, penalty: '0.00', fee: '0.00', interest: '0.00', principal: '9.67' },
    ]);
    expect(other.state.installments[0]?.settled).toBe(true);
    expect(other.state.installments.map((row) => row.due.interest)).toEqual(['20.33', '20.00', '10.00']);
    // A payoff is a payoff under either: earned interest and all principal, and the loan closes.
    const payoff = loan.payoff('2024-02-01');
    expect(loan.repay(payoff.total, 'p2', '2024-02-01').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    await expectLedgerAgrees(loan);
  });

  it('an overpayment dated before a penalty pays the penalty: never overpaid and owing at once', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: FIXED_PENALTY_50 }));
    loan.close('2024-03-20');
    expect(loan.figures().outstanding.penalties).toBe('100.00');
    // Dated before the 03-20 penalties were charged, with far more than the loan owes.
    expect(loan.repay('5000.00', 'big', '2024-03-19').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanOverpaid']);
    expect(loan.state.installments.every((row) => row.settled)).toBe(true);
    const ledger = await expectLedgerAgrees(loan);
    expect(ledger.penalty_receivable).toBe('0.00');
    const credit = loan.state.creditBalance;
    loan.run({ type: 'RefundOverpayment', data: { amount: null, channel: 'bank_transfer', reference: 'R1', date: '2024-03-21' } }, '2024-03-21');
    expect(loan.state.status).toBe('closed');
    expect((await expectLedgerAgrees(loan)).overpayment_liability).toBe('0.00');
    expect(Number(credit)).toBeGreaterThan(0);
  });

  it('delinquency spells follow the replay: a back-dated payment that shows a row paid on time removes its spell', () => {
    const loan = new ServicedLoan();
    loan.close('2024-03-20');
    expect(delinquencySpells(loan.state, '2024-03-20')).toEqual([{ since: '2024-02-16', until: null }]);
    loan.repay('1020.07', 'p1', '2024-02-15');
    expect(delinquencySpells(loan.state, '2024-03-20')).toEqual([{ since: '2024-03-16', until: null }]);
    loan.repay('1020.07', 'p2', '2024-03-25');
    expect(delinquencySpells(loan.state, '2024-03-25')).toEqual([{ since: '2024-03-16', until: '2024-03-25' }]);
  });

  it('8. a loan closes only when nothing is owed, whatever the allocation order', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: FIXED_PENALTY_50, allocationOrder: 'interest-principal-penalty-fee' }), '3000.00', 1);
    loan.close('2024-03-01');
    // Dated the day after the close that charged the penalty (a payment dated 03-01 would replay before that
    // close, and the penalty on a row it pays in full would fall away).
    expect(loan.repay('3030.00', 'p1', '2024-03-02').map((e) => e.type)).toEqual(['RepaymentReceived']);
    expect(loan.state.status).toBe('overdue');
    expect(loan.figures().outstanding).toEqual({ principal: '0.00', interest: '0.00', fees: '0.00', penalties: '50.00', total: '50.00' });
    expect(loan.payoff('2024-03-02').total).toBe('50.00');
    expect(loan.repay('50.00', 'p2', '2024-03-02').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    const ledger = await expectLedgerAgrees(loan);
    expect(ledger.penalty_receivable).toBe('0.00');
    expect(ledger.penalty_income).toBe('-50.00');
  });
});
