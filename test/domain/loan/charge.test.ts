import { describe, expect, it } from 'vitest';
import { loanDecider } from '../../../src/domain/loan/decider.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import type { OfficerChargeKind } from '../../../src/domain/loan/events.js';
import { given } from '../decider-spec.js';
import { disbursedLoan, eventsUntil } from './fixtures.js';

/** 100 000.00 disbursed 2026-01-15, 12 monthly rows: row 1 due 2026-02-15, row 2 2026-03-15, row 12 2027-01-15. */
const charge = (kind: OfficerChargeKind, amount: string, dueDate: string, date = '2026-02-20'): LoanCommand => ({
  type: 'ApplyCharge', data: { kind, amount, dueDate, reason: 'statement copy', date, appliedBy: 'officer-1' },
});

describe('ApplyCharge', () => {
  it('given a disbursed loan, when a document fee due 2026-03-01 is applied, then ChargeApplied adds it to row 2 as a fee', () => {
    const state = given(loanDecider, eventsUntil('disbursed')).when(charge('document-fee', '80.00', '2026-03-01')).then([{
      type: 'ChargeApplied',
      data: { kind: 'document-fee', component: 'fee', amount: '80.00', dueDate: '2026-03-01', number: 2, reason: 'statement copy', date: '2026-02-20', appliedBy: 'officer-1' },
    }]);
    expect(state.installments[1]?.due.fee).toBe('80.00');
    expect(state.charges).toEqual([{ sequence: 5, date: '2026-02-20', number: 2, component: 'fee', amount: '80.00' }]);
  });

  it('late and collection fees are penalties; a due date on a row\'s due date is that row; past the schedule, the last row', () => {
    const events = eventsUntil('disbursed');
    given(loanDecider, events).when(charge('late-fee', '50', '2026-02-15')).then([expect.objectContaining({ data: expect.objectContaining({ component: 'penalty', number: 1, amount: '50.00' }) })]);
    given(loanDecider, events).when(charge('collection-fee', '200.00', '2026-02-16')).then([expect.objectContaining({ data: expect.objectContaining({ component: 'penalty', number: 2 }) })]);
    given(loanDecider, events).when(charge('document-fee', '1.00', '2030-01-01')).then([expect.objectContaining({ data: expect.objectContaining({ number: 12 }) })]);
    // The disbursement date itself is in row 1's period.
    given(loanDecider, events).when(charge('document-fee', '1.00', '2026-01-15')).then([expect.objectContaining({ data: expect.objectContaining({ number: 1 }) })]);
  });

  it('is refused on a loan not active, for a bad amount, before disbursement, for a penalty due in the future, or a future fee once principal is repaid', () => {
    const events = eventsUntil('disbursed');
    given(loanDecider, eventsUntil('approved')).when(charge('document-fee', '10.00', '2026-03-01')).thenThrows('LOAN_NOT_ACTIVE', 'conflict');
    given(loanDecider, events).when(charge('document-fee', '0', '2026-03-01')).thenThrows('INVALID_AMOUNT', 'invalid');
    given(loanDecider, events).when(charge('document-fee', '-5.00', '2026-03-01')).thenThrows('NEGATIVE_AMOUNT', 'invalid');
    given(loanDecider, events).when(charge('document-fee', '5.001', '2026-03-01')).thenThrows('AMOUNT_TOO_PRECISE', 'invalid');
    given(loanDecider, events).when(charge('document-fee', '5.00', '2026-01-14')).thenThrows('CHARGE_DUE_BEFORE_DISBURSEMENT', 'rule');
    given(loanDecider, events).when(charge('late-fee', '5.00', '2026-02-21')).thenThrows('PENALTY_CHARGE_DUE_IN_FUTURE', 'rule');
    // More than the 100 000.00 principal is a typing slip (QA keyed 999999999999999.99); the principal itself is accepted.
    given(loanDecider, events).when(charge('document-fee', '100000.01', '2026-03-01')).thenThrows('CHARGE_TOO_LARGE', 'rule');
    given(loanDecider, events).when(charge('document-fee', '999999999999999.99', '2026-03-01')).thenThrows('CHARGE_TOO_LARGE', 'rule');
    expect(loanDecider.decide(charge('document-fee', '100000.00', '2026-03-01'), events.reduce(loanDecider.evolve, loanDecider.initialState())).map((e) => e.type)).toEqual(['ChargeApplied']);
    // A loan whose principal is all paid while row 2's interest is still owed (as a back-dated payoff short of
    // that interest can leave it): a fee in row 2's period, not yet due, would be forgone like the schedule's own.
    const state = structuredClone(disbursedLoan().state);
    state.installments = state.installments.map((row) => ({ ...row, paid: { ...row.paid, principal: row.due.principal, interest: row.number === 1 ? row.due.interest : row.paid.interest } }));
    expect(loanDecider.decide.bind(null, charge('document-fee', '5.00', '2026-03-01'), state)).toThrow(/All principal is repaid/);
    // A late fee is a penalty, never forgone: it is owed at once.
    expect(loanDecider.decide(charge('late-fee', '5.00', '2026-02-20'), state)).toHaveLength(1);
  });
});
