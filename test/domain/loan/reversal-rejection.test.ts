import { describe, expect, it } from 'vitest';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';

const reverse = (reference: string, effectiveDate: string): LoanCommand => ({ type: 'ReverseRepayment', data: { reference, reason: 'bounced', effectiveDate, reversedBy: 'officer-1' } });
const reject = (reference: string, rejectedBy: string): LoanCommand => ({ type: 'RejectReversal', data: { reference, reason: 'the bank confirmed it', rejectedBy } });
const approve = (reference: string, approvedBy: string): LoanCommand => ({ type: 'ApproveReversal', data: { reference, approvedBy } });

describe('rejecting a four-eyes reversal (rejectReversal)', () => {
  it('given a reversal of 1 020.07 waiting above 1 000.00, when a checker rejects it, then nothing is reversed, it is no longer pending, and the payment may be asked to be reversed again', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ reversalApprovalAbove: '1000.00' }));
    loan.repay('1020.07', 'p1', '2024-02-15');
    loan.run(reverse('p1', '2024-02-16'), '2024-02-16');
    const figures = loan.figures();
    expect(() => loan.run(reject('p1', 'officer-1'), '2024-02-16')).toThrow(expect.objectContaining({ code: 'FOUR_EYES_REQUIRED', kind: 'rule' }));
    expect(loan.run(reject('p1', 'uw-1'), '2024-02-16')).toEqual([{ type: 'RepaymentReversalRejected', data: { reference: 'p1', reason: 'the bank confirmed it', rejectedBy: 'uw-1' } }]);
    expect(loan.state.reversalRequests).toEqual({});
    expect(loan.figures()).toEqual(figures);
    expect(() => loan.run(reject('p1', 'uw-1'), '2024-02-16')).toThrow(expect.objectContaining({ code: 'REVERSAL_NOT_REQUESTED', kind: 'conflict' }));
    expect(() => loan.run(approve('p1', 'uw-1'), '2024-02-16')).toThrow(expect.objectContaining({ code: 'REVERSAL_NOT_REQUESTED', kind: 'conflict' }));
    expect(() => loan.run(reject('nope', 'uw-1'), '2024-02-16')).toThrow(expect.objectContaining({ code: 'REPAYMENT_NOT_FOUND', kind: 'not_found' }));
    expect(loan.run(reverse('p1', '2024-02-17'), '2024-02-17').map((e) => e.type)).toEqual(['RepaymentReversalRequested']);
    expect(loan.run(approve('p1', 'uw-1'), '2024-02-17').map((e) => e.type)).toEqual(['RepaymentReversed']);
    expect(loan.state.principalOutstanding).toBe('3000.00');
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
  });

  it('given a reversal reversed at once (at or below the threshold), when a checker rejects it, then there is nothing to reject', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ reversalApprovalAbove: '1000.00' }));
    loan.repay('500.00', 'p1', '2024-02-15');
    loan.run(reverse('p1', '2024-02-16'), '2024-02-16');
    expect(() => loan.run(reject('p1', 'uw-1'), '2024-02-16')).toThrow(expect.objectContaining({ code: 'REVERSAL_NOT_REQUESTED' }));
  });
});
