import { describe, expect, it } from 'vitest';
import { actionEarliest } from '../../web/src/loans/action-earliest.js';

// QA: the recovery picker offered days before the write-off (the server answers 422 BACKDATED_BEFORE_WRITE_OFF);
// the same kind of bound holds for a reversal (the payment), a reschedule (the last payment), a write-off's approval.
describe('the earliest date a servicing command may carry on a disbursed loan, from its events', () => {
  const paid = { type: 'RepaymentReceived', data: { reference: 'R-1', amount: '100.00', effectiveDate: '2026-10-05' } };
  const later = { type: 'RepaymentReceived', data: { reference: 'R-2', amount: '100.00', effectiveDate: '2026-10-20' } };
  const waived = { type: 'ChargeWaived', data: { kind: 'penalty', effectiveDate: '2026-10-12' } };
  const requested = { type: 'LoanWriteOffRequested', data: { requestedBy: 'u1', reason: 'lost', date: '2026-10-15' } };
  const writtenOff = { type: 'LoanWrittenOff', data: { date: '2026-10-25' } };
  const disbursed = { type: 'LoanDisbursed', data: { date: '2026-09-01' } };

  it('a recovery: the write-off date', () => {
    expect(actionEarliest('recover', [disbursed, paid, requested, writtenOff], {})).toBe('2026-10-25');
  });

  it('a reversal: the date of the payment it names, none while the reference names none', () => {
    expect(actionEarliest('reverse', [disbursed, paid, later], { reference: 'R-2' })).toBe('2026-10-20');
    expect(actionEarliest('reverse', [disbursed, paid, later], { reference: 'R-9' })).toBeUndefined();
    const recovery = { type: 'RecoveryReceived', data: { reference: 'REC-1', effectiveDate: '2026-11-02' } };
    expect(actionEarliest('reverse', [writtenOff, recovery], { reference: 'REC-1' })).toBe('2026-11-02');
  });

  it('a write-off\'s approval: its request, and any repayment or waiver still standing', () => {
    expect(actionEarliest('writeOffApprove', [disbursed, paid, waived, requested], {})).toBe('2026-10-15');
    expect(actionEarliest('writeOffApprove', [disbursed, requested, later], {})).toBe('2026-10-20');
    const reversed = { type: 'RepaymentReversed', data: { reference: 'R-2', effectiveDate: '2026-10-21' } };
    expect(actionEarliest('writeOffApprove', [disbursed, requested, later, reversed], {})).toBe('2026-10-15');
  });

  it('a reschedule: the last payment; repayments, waivers and charges: the last reschedule', () => {
    const rescheduled = { type: 'LoanRescheduled', data: { effectiveDate: '2026-10-10' } };
    expect(actionEarliest('reschedule', [disbursed, paid, later], {})).toBe('2026-10-20');
    for (const action of ['repay', 'waive', 'charge', 'writeOffRequest']) expect(actionEarliest(action, [disbursed, paid, rescheduled], {})).toBe('2026-10-10');
    expect(actionEarliest('repay', [disbursed, paid], {})).toBeUndefined();
  });
});
