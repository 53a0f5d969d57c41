import { describe, expect, it } from 'vitest';
import { loanDecider } from '../../../src/domain/loan/decider.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import { summarizeLoan } from '../../../src/domain/loan/summary.js';
import { given } from '../decider-spec.js';
import { disbursedLoan, eventsUntil, repay, terms } from './fixtures.js';

const request = (date: string, requestedBy = 'officer-2'): LoanCommand => ({ type: 'RequestWriteOff', data: { requestedBy, reason: 'uncollectable', date } });
const approve = (date: string, approvedBy = 'manager-1'): LoanCommand => ({ type: 'ApproveWriteOff', data: { approvedBy, date } });
const recovery = (amount: string, reference = 'rec1'): LoanCommand => ({ type: 'ReceiveRecovery', data: { amount, channel: 'bank_transfer', reference, effectiveDate: '2026-12-01' } });

/** Installment 1 fell due 2026-02-15; 180 days later is 2026-08-14. */
function overdueLoan() {
  const life = disbursedLoan({ ...terms, penalty: null, writeOffDpd: 180 });
  life.run(request('2026-08-14'));
  return life;
}

describe('write-off', () => {
  it('needs the DPD threshold to request', () => {
    given(loanDecider, eventsUntil('disbursed')).when(request('2026-08-13')).thenThrows('WRITE_OFF_DPD_TOO_LOW', 'rule');
    given(loanDecider, eventsUntil('approved')).when(request('2026-08-14')).thenThrows('LOAN_NOT_ACTIVE', 'conflict');
    given(loanDecider, overdueLoan().events).when(request('2026-08-20')).thenThrows('WRITE_OFF_ALREADY_REQUESTED', 'conflict');
  });

  it('is approved by a second person and writes off everything owed to date', () => {
    const life = overdueLoan();
    given(loanDecider, life.events).when(approve('2026-08-14', 'officer-2')).thenThrows('FOUR_EYES_REQUIRED', 'rule');
    given(loanDecider, eventsUntil('disbursed')).when(approve('2026-08-14')).thenThrows('WRITE_OFF_NOT_REQUESTED', 'conflict');
    const [event] = life.run(approve('2026-08-14'));
    expect(event).toMatchObject({ type: 'LoanWrittenOff', data: { date: '2026-08-14', principal: '100000.00', requestedBy: 'officer-2', approvedBy: 'manager-1' } });
    expect(life.state).toMatchObject({ status: 'written_off', flags: ['charged-off'] });
    expect(summarizeLoan(life.state).outstanding.total).toBe('0.00');
  });

  it('checks the DPD again at approval', () => {
    const life = disbursedLoan({ ...terms, penalty: null, writeOffDpd: 180 });
    life.run(request('2026-08-14'));
    // A payment posted since the request (dated before it) paid row 1: row 2, due 03-15, is 152 days late.
    life.run(repay('8884.88', 'r1', '2026-08-01'));
    given(loanDecider, life.events).when(approve('2026-08-14')).thenThrows('WRITE_OFF_DPD_TOO_LOW', 'rule');
  });

  it('books a write-off dated the day of a repayment: the payment comes first that day (only a fact dated after it refuses it, write-off-dates.test.ts)', () => {
    const life = overdueLoan();
    // 100.00 on 08-14 pays row 1's interest (1 000.00 due 02-15) in part: still 180 days past due, and the write-off of
    // that day follows it, writing off the 100 000.00 of principal untouched.
    life.run(repay('100.00', 'r1', '2026-08-14'));
    const [event] = life.run(approve('2026-08-14'));
    expect(event).toMatchObject({ type: 'LoanWrittenOff', data: { date: '2026-08-14', principal: '100000.00' } });
  });

  it('reverses a recovery dated its own day (a same-day bounce), never one dated before it', () => {
    const life = overdueLoan();
    life.run(approve('2026-08-14'));
    life.run(recovery('1000.00'));
    const reverse = (effectiveDate: string): LoanCommand => ({ type: 'ReverseRepayment', data: { reference: 'rec1', reason: 'bounced', effectiveDate, reversedBy: 'officer-1' } });
    given(loanDecider, life.events).when(reverse('2026-11-30')).thenThrows('REVERSAL_BEFORE_PAYMENT', 'rule');
    expect(life.run(reverse('2026-12-01'))).toMatchObject([{ type: 'RecoveryReversed', data: { reference: 'rec1', amount: '1000.00', effectiveDate: '2026-12-01' } }]);
    expect(life.state.recovered).toBe('0.00');
  });

  it('refuses an approval dated before its request (a write-off is never booked before it was asked for)', () => {
    const life = disbursedLoan({ ...terms, penalty: null, writeOffDpd: 180 });
    life.run(request('2026-08-14'));
    given(loanDecider, life.events).when(approve('2026-08-13')).thenThrows('WRITE_OFF_BEFORE_REQUEST', 'rule');
  });

  it('takes recoveries up to the borrower\'s claim written off, once per reference', () => {
    const life = overdueLoan();
    life.run(approve('2026-08-14'));
    const claim = life.state.writtenOff?.claim ?? '';
    expect(life.run(recovery('1000.00'))).toEqual([{ type: 'RecoveryReceived', data: { amount: '1000.00', channel: 'bank_transfer', reference: 'rec1', effectiveDate: '2026-12-01' } }]);
    expect(life.run(recovery('1000.00'))).toEqual([]);
    expect(life.state.recovered).toBe('1000.00');
    given(loanDecider, life.events).when(recovery('5.00')).thenThrows('DUPLICATE_REFERENCE', 'conflict');
    // 1 000.00 recovered already: the whole claim again is a cent too many and more.
    given(loanDecider, life.events).when(recovery(claim, 'rec2')).thenThrows('AMOUNT_OUT_OF_RANGE', 'rule');
    given(loanDecider, life.events).when(recovery('0', 'rec3')).thenThrows('INVALID_AMOUNT', 'invalid');
    given(loanDecider, eventsUntil('disbursed')).when(recovery('10.00')).thenThrows('LOAN_NOT_WRITTEN_OFF', 'conflict');
  });
});
