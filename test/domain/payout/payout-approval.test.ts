import { describe, expect, it } from 'vitest';
import { payoutDecider } from '../../../src/domain/payout/decider.js';
import type { PayoutEvent } from '../../../src/domain/payout/events.js';
import { given } from '../decider-spec.js';

const payout = {
  payoutId: 'po-1', loanId: 'l1', customerId: 'c1', amount: '50.00', currency: 'CNY', channel: 'bank-transfer' as const,
  payee: { account: '6222 0000 1111', name: '张三' }, createdAt: '2026-03-01T10:00:00.000Z', requestedBy: 'officer-olga',
};
const created: PayoutEvent = { type: 'PayoutCreated', data: payout };
const approve = (approvedBy: string) => ({ type: 'ApprovePayout' as const, data: { approvedBy, at: '2026-03-01T10:02:00.000Z' } });
const approved: PayoutEvent = { type: 'PayoutApproved', data: { approvedBy: 'officer-otto', approvedAt: '2026-03-01T10:02:00.000Z' } };
const reject = (rejectedBy: string) => ({ type: 'RejectPayout' as const, data: { rejectedBy, reason: 'payee is not the borrower', at: '2026-03-01T10:03:00.000Z' } });
const rejected: PayoutEvent = { type: 'PayoutRejected', data: { rejectedBy: 'officer-otto', reason: 'payee is not the borrower', rejectedAt: '2026-03-01T10:03:00.000Z' } };
const confirm = { type: 'ConfirmPayout' as const, data: { channelReference: 'BR-1', at: '2026-03-01T11:00:00.000Z', by: 'officer-olga' } };
const fail = { type: 'FailPayout' as const, data: { channelReference: null, reason: 'returned', at: '2026-03-01T11:00:00.000Z' } };
const spec = (events: PayoutEvent[] = []) => given(payoutDecider, events);

describe('four eyes on refund payouts (QA Q14)', () => {
  it('given a payout started by its maker, then it waits for approval and cannot be settled before it', () => {
    expect(spec().when({ type: 'CreatePayout', data: payout }).then([created])).toMatchObject({ status: 'awaiting_approval', requestedBy: 'officer-olga' });
    spec([created]).when(confirm).thenThrows('PAYOUT_NOT_APPROVED', 'conflict');
    spec([created]).when(fail).thenThrows('PAYOUT_NOT_APPROVED', 'conflict');
  });

  it('when its maker approves it, then FOUR_EYES_REQUIRED; when someone else does, then it is pending (sent) and may be confirmed', () => {
    spec([created]).when(approve('officer-olga')).thenThrows('FOUR_EYES_REQUIRED', 'rule');
    expect(spec([created]).when(approve('officer-otto')).then([approved])).toMatchObject({ status: 'pending', approval: { approvedBy: 'officer-otto' } });
    spec([created, approved]).when(approve('officer-otto')).then([]);
    spec([created, approved]).when(approve('uw-uma')).thenThrows('PAYOUT_NOT_AWAITING_APPROVAL', 'conflict');
    spec([created, approved]).when(reject('uw-uma')).thenThrows('PAYOUT_NOT_AWAITING_APPROVAL', 'conflict');
    expect(spec([created, approved]).when(confirm).then([expect.objectContaining({ type: 'PayoutConfirmed' }) as PayoutEvent])).toMatchObject({ status: 'confirmed' });
  });

  it('when it is rejected, then it is closed: never approved, confirmed or failed; rejecting again is a no-op', () => {
    expect(spec([created]).when(reject('officer-otto')).then([rejected])).toMatchObject({ status: 'rejected', rejection: { reason: 'payee is not the borrower' } });
    spec([created, rejected]).when(reject('officer-otto')).then([]);
    spec([created, rejected]).when(approve('officer-otto')).thenThrows('PAYOUT_NOT_AWAITING_APPROVAL', 'conflict');
    spec([created, rejected]).when(confirm).thenThrows('PAYOUT_CLOSED', 'conflict');
    spec([created, rejected]).when(fail).thenThrows('PAYOUT_CLOSED', 'conflict');
    spec().when(approve('officer-otto')).thenThrows('PAYOUT_NOT_FOUND', 'not_found');
    spec().when(reject('officer-otto')).thenThrows('PAYOUT_NOT_FOUND', 'not_found');
  });

  it('a payout started before four eyes (no maker recorded) was sent at once: pending, with nothing to approve', () => {
    const { requestedBy: _maker, ...legacy } = payout;
    expect(spec().when({ type: 'CreatePayout', data: legacy }).then([{ type: 'PayoutCreated', data: legacy }])).toMatchObject({ status: 'pending' });
    spec([{ type: 'PayoutCreated', data: legacy }]).when(approve('officer-otto')).thenThrows('PAYOUT_NOT_AWAITING_APPROVAL', 'conflict');
  });
});
