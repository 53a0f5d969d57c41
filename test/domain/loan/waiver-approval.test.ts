import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import { loanSnapshotCodec } from '../../../src/domain/loan/snapshot-codec.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';

const waive = (kind: 'penalty' | 'interest', amount: string | null, effectiveDate: string, waivedBy = 'officer-1', reference?: string): LoanCommand => ({
  type: 'WaiveCharge', data: { kind, amount, reason: 'goodwill', effectiveDate, waivedBy, ...(reference ? { reference } : {}) },
});
const approve = (reference: string, approvedBy: string): LoanCommand => ({ type: 'ApproveWaiver', data: { reference, approvedBy } });
const reject = (reference: string, rejectedBy: string): LoanCommand => ({ type: 'RejectWaiver', data: { reference, reason: 'not justified', rejectedBy } });

/** Given a loan whose product asks a second person for waivers above 20.00 and whose rows 1 and 2 each owe a 25.00 penalty (charged 02-18 and 03-18). */
function penalisedLoan(): ServicedLoan {
  const loan = new ServicedLoan('WA1', servicingTerms({ waiverApprovalAbove: '20.00', penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
  let today = '2024-01-15';
  while (today < '2024-03-20') loan.close((today = addDays(today, 1)));
  return loan;
}

describe('four-eyes waivers (product waiverApprovalAbove)', () => {
  it('given 50.00 of penalties, when an officer waives them all, then the waiver only waits; its maker cannot approve it, a second person applies it as requested', async () => {
    const loan = penalisedLoan();
    expect(loan.figures().outstanding.penalties).toBe('50.00');
    const [requested] = loan.run(waive('penalty', null, '2024-03-20'), '2024-03-20');
    expect(requested).toEqual({
      type: 'ChargeWaiverRequested',
      data: { reference: expect.stringMatching(/^WAIVER-\d+$/), kind: 'penalty', amount: '50.00', reason: 'goodwill', effectiveDate: '2024-03-20', requestedBy: 'officer-1' },
    });
    const reference = requested?.type === 'ChargeWaiverRequested' ? requested.data.reference : '';
    // Nothing is waived yet.
    expect(loan.figures().outstanding.penalties).toBe('50.00');
    expect(Object.keys(loan.state.waiverRequests)).toEqual([reference]);
    expect(() => loan.run(approve(reference, 'officer-1'), '2024-03-20')).toThrow(expect.objectContaining({ code: 'FOUR_EYES_REQUIRED', kind: 'rule' }));
    const events = loan.run(approve(reference, 'uw-1'), '2024-03-20');
    expect(events[0]).toMatchObject({
      type: 'ChargeWaived', data: { kind: 'penalty', amount: '50.00', reason: 'goodwill', effectiveDate: '2024-03-20', reference, requestedBy: 'officer-1', approvedBy: 'uw-1' },
    });
    expect(loan.figures().outstanding.penalties).toBe('0.00');
    expect(loan.state.waiverRequests).toEqual({});
    // Approving again is a no-op; rejecting what was applied is refused.
    expect(loan.run(approve(reference, 'uw-1'), '2024-03-20')).toEqual([]);
    expect(() => loan.run(reject(reference, 'uw-1'), '2024-03-20')).toThrow(expect.objectContaining({ code: 'WAIVER_NOT_PENDING', kind: 'conflict' }));
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
  });

  it('given the threshold 20.00, when 20.00 is waived, then it applies at once, as before', () => {
    const loan = penalisedLoan();
    expect(loan.run(waive('penalty', '20.00', '2024-03-20'), '2024-03-20').map((e) => e.type)).toEqual(['ChargeWaived']);
    expect(loan.figures().outstanding.penalties).toBe('30.00');
  });

  it('given a pending waiver, when it is rejected, then nothing is waived, its reference is spent and asking again under it is refused', () => {
    const loan = penalisedLoan();
    expect(loan.run(waive('penalty', '25.00', '2024-03-20', 'officer-1', 'GW-1'), '2024-03-20').map((e) => e.type)).toEqual(['ChargeWaiverRequested']);
    // The same request again is a no-op.
    expect(loan.run(waive('penalty', '25.00', '2024-03-20', 'officer-1', 'GW-1'), '2024-03-20')).toEqual([]);
    expect(loan.run(reject('GW-1', 'uw-1'), '2024-03-20')).toEqual([{ type: 'ChargeWaiverRejected', data: { reference: 'GW-1', reason: 'not justified', rejectedBy: 'uw-1' } }]);
    expect(loan.run(reject('GW-1', 'uw-1'), '2024-03-20')).toEqual([]);
    expect(loan.figures().outstanding.penalties).toBe('50.00');
    expect(loan.state.decidedWaivers).toEqual({ 'GW-1': 'rejected' });
    expect(() => loan.run(approve('GW-1', 'uw-1'), '2024-03-20')).toThrow(expect.objectContaining({ code: 'WAIVER_NOT_PENDING' }));
    expect(() => loan.run(waive('penalty', '25.00', '2024-03-20', 'officer-1', 'GW-1'), '2024-03-20')).toThrow(expect.objectContaining({ code: 'WAIVER_ALREADY_DECIDED', kind: 'conflict' }));
    expect(() => loan.run(approve('NOPE', 'uw-1'), '2024-03-20')).toThrow(expect.objectContaining({ code: 'WAIVER_NOT_FOUND', kind: 'not_found' }));
  });

  it('given a request checked in full, when it asks for more than is owed, then it is refused at once, never left pending', () => {
    const loan = penalisedLoan();
    expect(() => loan.run(waive('penalty', '60.00', '2024-03-20'), '2024-03-20')).toThrow(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(loan.state.waiverRequests).toEqual({});
  });

  it('given a pending waiver of 25.00, when the penalties are paid before it is approved, then the approval is refused (the checker rejects it)', () => {
    const loan = penalisedLoan();
    loan.run(waive('penalty', '25.00', '2024-03-20', 'officer-1', 'GW-2'), '2024-03-20');
    loan.repay('3100.00', 'p1', '2024-03-20');
    expect(() => loan.run(approve('GW-2', 'uw-1'), '2024-03-20')).toThrow(expect.objectContaining({ code: expect.stringMatching(/AMOUNT_OUT_OF_RANGE|LOAN_NOT_ACTIVE|NOTHING_TO_WAIVE/) }));
    expect(loan.run(reject('GW-2', 'officer-1'), '2024-03-20').map((e) => e.type)).toEqual(['ChargeWaiverRejected']);
  });

  it('keeps pending waivers through a snapshot (codec version 21 on)', () => {
    const loan = penalisedLoan();
    loan.run(waive('penalty', '25.00', '2024-03-20', 'officer-1', 'GW-3'), '2024-03-20');
    expect(loanSnapshotCodec.version).toBeGreaterThanOrEqual(21);
    const decoded = loanSnapshotCodec.decode(loanSnapshotCodec.encode(loan.state));
    expect(decoded.waiverRequests).toEqual(loan.state.waiverRequests);
  });
});
