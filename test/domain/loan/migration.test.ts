import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../../src/demo/demo-products.js';
import type { MigrateLoan } from '../../../src/domain/loan/commands.js';
import { decideLoan } from '../../../src/domain/loan/decider.js';
import { evolveLoan } from '../../../src/domain/loan/evolve.js';
import type { LoanEvent, MigratedRow } from '../../../src/domain/loan/events.js';
import { loanFigures } from '../../../src/domain/loan/figures.js';
import { initialLoanState, type LoanState } from '../../../src/domain/loan/state.js';
import { minorOf } from '../../../src/domain/money.js';

const product = DEMO_PRODUCTS[0]!; // monthly annuity, 1 % origination fee, 5 % penalty capped at 300.00, 3 days' grace
const zero = { principal: '0.00', interest: '0.00', fee: '0.00', penalty: '0.00' };
const row = (number: number, dueDate: string, principal: string, interest: string, paid: boolean, penalty = '0.00'): MigratedRow => ({
  number, dueDate,
  due: { principal, interest, fee: '0.00', penalty },
  paid: paid ? { principal, interest, fee: '0.00', penalty: '0.00' } : zero,
  waived: { interest: '0.00', fee: '0.00', penalty: '0.00' },
});

function command(overrides: Partial<MigrateLoan['data']> = {}): MigrateLoan {
  return {
    type: 'MigrateLoan',
    data: {
      loanId: 'L1', customerId: 'C1', customer: { exists: true, erased: false },
      product: { productId: product.productId, version: 1, terms: product.terms },
      source: { system: 'legacy', loanId: 'OLD-1' }, cutoverDate: '2026-10-31', annualRate: '14.4', term: 3, purpose: 'test',
      disbursement: { amount: '3000.00', netAmount: '2970.00', fees: [{ kind: 'origination', amount: '30.00' }], date: '2026-07-20', channel: 'online' },
      schedule: [
        row(1, '2026-08-20', '1000.00', '36.00', true),
        row(2, '2026-09-20', '1000.00', '24.00', false, '51.20'),
        row(3, '2026-11-20', '1000.00', '12.00', false),
      ],
      payments: [{ reference: 'legacy:T1', amount: '1036.00', effectiveDate: '2026-08-20' }],
      migratedBy: 'lendcore-import',
      ...overrides,
    },
  };
}

function fold(events: LoanEvent[], state: LoanState = initialLoanState()): LoanState {
  for (const event of events) evolveLoan(state, event);
  return state;
}

describe('MigrateLoan', () => {
  it('opens the loan at the cut-over as the legacy rows leave it: overdue, aged, and its ledger balanced', () => {
    const events = decideLoan(command(), initialLoanState());
    expect(events.map((e) => e.type)).toEqual(['LoanApplicationSubmitted', 'LoanMigrated']);
    const state = fold(events);
    expect(state).toMatchObject({ status: 'overdue', daysPastDue: 41, classification: 'special-mention', principalOutstanding: '2000.00', lastEodDate: '2026-10-31', interestAccruedThrough: '2026-10-31' });
    expect(state.installments[1]?.overdueSince).toBe('2026-09-21');
    const figures = loanFigures(state, '2026-10-31');
    expect(figures.outstanding).toEqual({ principal: '2000.00', interest: '36.00', fees: '0.00', penalties: '51.20', total: '2087.20' });
    expect(figures.daysPastDue).toBe(41);
    const ledgerSum = Object.values(figures.ledger).reduce((s, v) => s + minorOf(v.replace('-', ''), 2) * (v.startsWith('-') ? -1n : 1n), 0n);
    expect(ledgerSum).toBe(0n);
    expect(figures.ledger.loan_portfolio).toBe('2000.00');
    expect(figures.ledger.fund_source).toBe('-1934.00'); // 1036.00 received less 2970.00 paid out
  });

  it('services on from the cut-over: close of business adds nothing twice, a repayment pays the overdue row first and is never mixed with legacy ones', () => {
    const state = fold(decideLoan(command(), initialLoanState()));
    expect(decideLoan({ type: 'CloseBusinessDay', data: { date: '2026-10-31' } }, state).filter((e) => e.type === 'PenaltyCharged')).toEqual([]);
    const paid = decideLoan({ type: 'ReceiveRepayment', data: { amount: '1075.20', channel: 'online', reference: 'new-1', effectiveDate: '2026-11-02' } }, state);
    expect(paid[0]).toMatchObject({ type: 'RepaymentReceived', data: { allocation: { penalty: '51.20', interest: '24.00', principal: '1000.00', excess: '0.00' } } });
    const after = fold(paid, state);
    expect(after.status).toBe('active');
    expect(loanFigures(after, '2026-11-02').outstanding.total).toBe('1012.00');
    // A legacy reference sent again as recorded replays as a no-op; with another date it is a conflict, never a second payment.
    expect(decideLoan({ type: 'ReceiveRepayment', data: { amount: '1036.00', channel: 'online', reference: 'legacy:T1', effectiveDate: '2026-08-20' } }, after)).toEqual([]);
    expect(() => decideLoan({ type: 'ReceiveRepayment', data: { amount: '1036.00', channel: 'online', reference: 'legacy:T1', effectiveDate: '2026-11-02' } }, after))
      .toThrow(expect.objectContaining({ code: 'DUPLICATE_REFERENCE' }));
  });

  it('closes a loan whose legacy rows are all paid', () => {
    const schedule = [row(1, '2026-08-20', '1000.00', '36.00', true), row(2, '2026-09-20', '1000.00', '24.00', true), row(3, '2026-10-20', '1000.00', '12.00', true)];
    const payments = [{ reference: 'a', amount: '1036.00', effectiveDate: '2026-08-20' }, { reference: 'b', amount: '2036.00', effectiveDate: '2026-10-20' }];
    const state = fold(decideLoan(command({ schedule, payments }), initialLoanState()));
    expect(state).toMatchObject({ status: 'closed', closedOn: '2026-10-20', daysPastDue: 0 });
    expect(loanFigures(state).outstanding.total).toBe('0.00');
  });

  it('a repayment after the cut-over leaves legacy rows paid on time: the first close books all the interest as income (qa18 D3)', () => {
    // Rows 1 and 2 were paid in the legacy book (when is not known: they count as never late); row 3,
    // 184.00 of interest over 05-20 → 11-20 (184 days, 1.00 a day), is open. The legacy rows were
    // stamped as settled on 11-10 by the first repayment after the cut-over, so from 07-20 (row 1's
    // due date + 91 days) the loan read as non-performing until 11-09, and 11-01…11-09 (9.00) was
    // suspended. By hand: 11-01 → 11-20 is 20 days → 20.00 of income, nothing suspended.
    const schedule = [row(1, '2026-04-20', '1000.00', '36.00', true), row(2, '2026-05-20', '1000.00', '24.00', true), row(3, '2026-11-20', '1000.00', '184.00', false)];
    const payments = [{ reference: 'a', amount: '1036.00', effectiveDate: '2026-04-20' }, { reference: 'b', amount: '1024.00', effectiveDate: '2026-05-20' }];
    const state = fold(decideLoan(command({ schedule, payments, disbursement: { amount: '3000.00', netAmount: '2970.00', fees: [{ kind: 'origination', amount: '30.00' }], date: '2026-03-20', channel: 'online' } }), initialLoanState()));
    fold(decideLoan({ type: 'ReceiveRepayment', data: { amount: '100.00', channel: 'online', reference: 'new-1', effectiveDate: '2026-11-10' } }, state), state);
    expect(state.installments.slice(0, 2).map((r) => r.settledOn)).toEqual([null, null]);
    const accrued = decideLoan({ type: 'CloseBusinessDay', data: { date: '2026-11-30' } }, state).filter((e) => e.type === 'InterestAccrued');
    // Posted on row 3's due date, 11-20, as the close of that night (which visits a loan with a row due and unpaid) posts it.
    expect(accrued.map((e) => e.data)).toEqual([expect.objectContaining({ date: '2026-11-20', from: '2026-10-31', to: '2026-11-20', amount: '20.00' })]);
    expect(accrued.every((e) => e.type === 'InterestAccrued' && e.data.suspended === undefined)).toBe(true);
  });

  it.each([
    ['payments that do not sum to what the rows show paid', { payments: [{ reference: 'x', amount: '1000.00', effectiveDate: '2026-08-20' }] }, 'MIGRATION_PAYMENTS_MISMATCH'],
    ['principal due that is not the amount disbursed', { disbursement: { amount: '3100.00', netAmount: '3070.00', fees: [{ kind: 'origination', amount: '30.00' }], date: '2026-07-20', channel: 'online' as const } }, 'MIGRATION_PRINCIPAL_MISMATCH'],
    ['a disbursement after the cut-over', { cutoverDate: '2026-07-01' }, 'MIGRATION_DISBURSED_AFTER_CUTOVER'],
    ['a term that is not the row count', { term: 4 }, 'MIGRATION_TERM_MISMATCH'],
    ['an erased customer', { customer: { exists: true, erased: true } }, 'CUSTOMER_ERASED'],
  ])('refuses %s', (_name, overrides, code) => {
    expect(() => decideLoan(command(overrides), initialLoanState())).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a second migration onto the same loan', () => {
    const state = fold(decideLoan(command(), initialLoanState()));
    expect(() => decideLoan(command(), state)).toThrow(expect.objectContaining({ code: 'LOAN_EXISTS' }));
  });
});
