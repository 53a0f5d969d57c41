import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

// Found by the servicing property test: payments that pay everything but what a later,
// back-dated waiver forgives left the loan "active" while owing nothing, and its payoff quote was
// 0.00. (The property found it with interest; since a prepaid period's interest follows the
// principal left, the same state is reached here with a fee, which this allocation order pays last.)
describe('a waiver that leaves nothing owed', () => {
  function paidAllButTheFee(): ServicedLoan {
    // 3 000.00 over 1 month from 2024-01-15: 3 000.00 + 30.00 interest + a 5.00 service fee, due 2024-02-15.
    const loan = new ServicedLoan('L1', servicingTerms({ allocationOrder: 'interest-principal-penalty-fee', fees: [{ kind: 'service', type: 'fixed', value: '5.00' }] }), '3000.00', 1);
    let today = '2024-01-15';
    while (today < '2024-02-16') loan.close((today = addDays(today, 1)));
    loan.repay('3030.00', 'p1', today);
    return loan;
  }

  it('back-dated, it closes the loan (obligations met) instead of leaving it active with a payoff of 0.00', async () => {
    const loan = paidAllButTheFee();
    expect(loan.state.status).toBe('overdue');
    expect(loan.payoff('2024-02-16').total).toBe('5.00');
    const events = loan.run({ type: 'WaiveCharge', data: { kind: 'fee', amount: null, reason: 'goodwill', effectiveDate: '2024-02-15' } }, '2024-02-16');
    expect(events.map((e) => e.type)).toEqual(['ChargeWaived', 'LoanClosed']);
    expect(loan.state.status).toBe('closed');
    expect(loan.state.installments.every((row) => row.settled)).toBe(true);
    expect(loan.figures()).toMatchObject({ creditBalance: '0.00', outstanding: { total: '0.00' }, daysPastDue: 0 });
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    expect(balances).toMatchObject({ loan_portfolio: '0.00', interest_receivable: '0.00', overpayment_liability: '0.00' });
  });

  it('one that leaves something owed records only the waiver', () => {
    const loan = paidAllButTheFee();
    const events = loan.run({ type: 'WaiveCharge', data: { kind: 'fee', amount: '0.01', reason: 'goodwill', effectiveDate: '2024-02-16' } }, '2024-02-16');
    expect(events.map((e) => e.type)).toEqual(['ChargeWaived']);
    expect(loan.state.status).toBe('overdue');
  });
});

describe('a waiver dated before what it would waive was owed', () => {
  function latePenalty(): ServicedLoan {
    const loan = new ServicedLoan('W2', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
    let today = '2024-01-15';
    while (today < '2024-02-20') loan.close((today = addDays(today, 1)));
    return loan;
  }

  it('is refused (422) instead of being recorded in full and applied in part', () => {
    const loan = latePenalty();
    expect(loan.figures().outstanding.penalties).toBe('25.00');
    const waive = (effectiveDate: string) => ({ type: 'WaiveCharge' as const, data: { kind: 'penalty' as const, amount: null, reason: 'goodwill', effectiveDate } });
    // The penalty was charged by the close of 2024-02-18 (row 1 due 02-15, more than two days of grace). A
    // close's penalties are charged at the start of their date, so a waiver dated 02-17 precedes it, one dated 02-18 does not.
    expect(() => loan.run(waive('2024-02-10'), '2024-02-20')).toThrow(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(() => loan.run(waive('2024-02-17'), '2024-02-20')).toThrow(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(loan.figures().outstanding.penalties).toBe('25.00');
    expect(loan.run(waive('2024-02-18'), '2024-02-20').map((e) => e.type)).toEqual(['ChargeWaived']);
    expect(loan.figures().outstanding.penalties).toBe('0.00');
  });
});
