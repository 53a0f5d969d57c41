import { describe, expect, it } from 'vitest';
import { loanDecider } from '../../../src/domain/loan/decider.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import type { ChargeKind } from '../../../src/domain/loan/events.js';
import { given } from '../decider-spec.js';
import { disbursedLoan, eod, eventsUntil, repay, terms } from './fixtures.js';

const waive = (kind: ChargeKind, amount: string | null = null, effectiveDate = '2026-02-20'): LoanCommand => ({ type: 'WaiveCharge', data: { kind, amount, reason: 'goodwill', effectiveDate } });
const reschedule = (effectiveDate: string, extra: { term?: number; annualRate?: string } = {}): LoanCommand => ({
  type: 'Reschedule', data: { reason: 'hardship', effectiveDate, ...extra },
});

describe('waivers', () => {
  it('waives a charged penalty and the loan returns to active once nothing is overdue', () => {
    const life = disbursedLoan();
    life.run(eod('2026-02-19'));
    expect(life.run(waive('penalty'))).toEqual([
      { type: 'ChargeWaived', data: { kind: 'penalty', amount: '444.24', reason: 'goodwill', installments: [{ number: 1, amount: '444.24' }], effectiveDate: '2026-02-20' } },
    ]);
    expect(life.state.status).toBe('overdue');
    life.run(repay('8884.88', 'r1', '2026-02-20'));
    expect(life.state.status).toBe('active');
    expect(life.state.installments[0]?.settled).toBe(true);
  });

  it('waives interest oldest first and never more than is due or accrued on its date', () => {
    const life = disbursedLoan();
    // On 2026-02-20 installment 1's 1 000.00 is due and installment 2 has earned 921.15 × 5/28 = 164.49: 1 164.49 in all.
    given(loanDecider, life.events).when(waive('interest', '1500.00')).thenThrows('WAIVER_EXCEEDS_INTEREST_DUE', 'rule');
    // Installment 1's grace ended 02-19: like a payment, the waiver first records the penalty owed by its date (QA 10 R1).
    const [charged, waived] = life.run(waive('interest', '1100.00'));
    expect(charged).toEqual({ type: 'PenaltyCharged', data: { number: 1, amount: '444.24', date: '2026-02-19', reason: 'ChargeWaived' } });
    expect(waived).toMatchObject({
      type: 'ChargeWaived', data: { installments: [{ number: 1, amount: '1000.00' }, { number: 2, amount: '100.00' }] },
    });
    given(loanDecider, life.events).when(waive('interest', '99999.00')).thenThrows('WAIVER_EXCEEDS_INTEREST_DUE', 'rule');
    // The penalty owed since the grace ended is waivable that day, before any close charged it.
    expect(life.run(waive('penalty'))).toMatchObject([{ type: 'ChargeWaived', data: { kind: 'penalty', amount: '444.24' } }]);
    given(loanDecider, eventsUntil('approved')).when(waive('fee')).thenThrows('LOAN_NOT_ACTIVE', 'conflict');
  });
});

describe('rescheduling', () => {
  it('re-amortizes the principal still to fall due over the new term and rate', () => {
    const life = disbursedLoan();
    life.run(repay('8884.88', 'r1', '2026-02-15'));
    const [event] = life.run(reschedule('2026-02-15', { term: 24, annualRate: '6' }));
    expect(event).toMatchObject({ type: 'LoanRescheduled', data: { effectiveDate: '2026-02-15', annualRate: '6', term: 24 } });
    expect(life.state.installments).toHaveLength(25);
    expect(life.state.installments[1]).toMatchObject({ number: 2, fromDate: '2026-02-15', dueDate: '2026-03-15' });
    // 92 115.12 at 0.5 % a month: first interest 460.58.
    expect(life.state.installments[1]?.due.interest).toBe('460.58');
    expect(life.state.principalOutstanding).toBe('92115.12');
    given(loanDecider, life.events).when(repay('10.00', 'old', '2026-02-14')).thenThrows('BACKDATED_BEFORE_RESCHEDULE', 'rule');
  });

  it('takes a waiver dated the reschedule\'s own day: only one dated before it is refused', () => {
    const life = disbursedLoan();
    // Row 1 (due 02-15) unpaid past its grace: the close of 02-19 charges its 444.24 penalty; the reschedule of 02-20
    // keeps row 1 as it stands, and a waiver of that day waives its penalty.
    life.run(eod('2026-02-19'));
    life.run(reschedule('2026-02-20', { term: 24, annualRate: '6' }));
    given(loanDecider, life.events).when(waive('penalty', null, '2026-02-19')).thenThrows('BACKDATED_BEFORE_RESCHEDULE', 'rule');
    expect(life.run(waive('penalty', null, '2026-02-20'))).toMatchObject([{ type: 'ChargeWaived', data: { kind: 'penalty', amount: '444.24', effectiveDate: '2026-02-20' } }]);
  });

  it('refuses what it cannot reschedule', () => {
    // No penalty: a payment after row 1's grace would first pay the penalty owed by then (QA 9 Q5).
    const life = disbursedLoan({ ...terms, penalty: null });
    // Installment 1 plus 100.00 towards the interest installment 2 has earned by 02-20.
    life.run(repay('8984.88', 'r1', '2026-02-20'));
    given(loanDecider, life.events).when(reschedule('2026-02-19')).thenThrows('RESCHEDULE_BACKDATED', 'rule');
    given(loanDecider, life.events).when(reschedule('2026-02-20')).thenThrows('RESCHEDULE_AFTER_PREPAYMENT', 'rule');
    given(loanDecider, eventsUntil('disbursed')).when(reschedule('2027-02-15')).thenThrows('NOTHING_TO_RESCHEDULE', 'rule');
    given(loanDecider, eventsUntil('disbursed')).when(reschedule('2026-02-15', { term: 0 })).thenThrows('TERM_OUT_OF_RANGE', 'rule');
    given(loanDecider, eventsUntil('disbursed')).when(reschedule('2026-01-01')).thenThrows('EFFECTIVE_DATE_BEFORE_DISBURSEMENT', 'rule');
    given(loanDecider, eventsUntil('approved')).when(reschedule('2026-02-15')).thenThrows('LOAN_NOT_ACTIVE', 'conflict');
  });
});
