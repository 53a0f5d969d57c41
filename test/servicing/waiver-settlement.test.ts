import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

// 3 000.00 over 3 months from 2024-01-15 (the harness's loan). Found by the servicing property
// test: payments that pay everything but the interest a later, back-dated waiver forgives left
// the loan "active" while owing nothing, and its payoff quote was 0.00.
describe('a waiver that leaves nothing owed', () => {
  // Row 1 (990.07 + 30.00) fell due on 02-15 unpaid; on 02-20 the payoff is 3 000.00 + 30.00 + row 2's
  // 20.10 × 5/29 = 3.47 = 3 033.47, and the borrower pays 30.00 less: it pays both interests first and
  // leaves 30.00 of principal owed.
  function paidAllButTheInterest(): ServicedLoan {
    const loan = new ServicedLoan();
    let today = '2024-01-15';
    while (today < '2024-02-20') loan.close((today = addDays(today, 1)));
    loan.repay('3003.47', 'p1', today);
    return loan;
  }

  it('back-dated, it closes the loan (obligations met) instead of leaving it active with a payoff of 0.00', async () => {
    const loan = paidAllButTheInterest();
    expect(loan.state.status).toBe('active');
    expect(loan.payoff('2024-02-20').total).toBe('30.00');
    // Dated 02-16, the waiver of row 1's 30.00 (due then) replays before the payment, which then pays all principal.
    const events = loan.run({ type: 'WaiveCharge', data: { kind: 'interest', amount: '30.00', reason: 'goodwill', effectiveDate: '2024-02-16' } }, '2024-02-20');
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
    const loan = paidAllButTheInterest();
    const events = loan.run({ type: 'WaiveCharge', data: { kind: 'interest', amount: '0.01', reason: 'goodwill', effectiveDate: '2024-02-16' } }, '2024-02-20');
    expect(events.map((e) => e.type)).toEqual(['ChargeWaived']);
    expect(loan.state.status).toBe('active');
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
    // The penalty was charged at the close of 2024-02-18 (row 1 due 02-15, more than two days of grace). A
    // close's penalties replay after every other fact of their date, so a waiver dated 02-18 precedes it too.
    expect(() => loan.run(waive('2024-02-10'), '2024-02-20')).toThrow(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(() => loan.run(waive('2024-02-18'), '2024-02-20')).toThrow(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(loan.figures().outstanding.penalties).toBe('25.00');
    expect(loan.run(waive('2024-02-19'), '2024-02-20').map((e) => e.type)).toEqual(['ChargeWaived']);
    expect(loan.figures().outstanding.penalties).toBe('0.00');
  });
});
