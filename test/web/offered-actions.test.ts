import { describe, expect, it } from 'vitest';
import { approvalQueuesFor, offeredActions, type WaitingItem } from '../../web/src/loans/offered-actions.js';

/** The shape of the console's SERVICING_ACTIONS (web/src/loans/servicing-actions.ts) for the decisions on four-eyes requests, and one plain action. */
const LIVE = ['active', 'overdue'];
const ACTIONS = [
  { id: 'waive', roles: ['officer'], statuses: LIVE },
  { id: 'approveReversal', roles: ['officer', 'underwriter'], statuses: [...LIVE, 'overpaid', 'closed'], decides: { queue: 'reversal-approvals' } },
  { id: 'approveWaiver', roles: ['officer', 'underwriter'], statuses: LIVE, decides: { queue: 'waiver-approvals' } },
  { id: 'rejectWaiver', roles: ['officer', 'underwriter'], statuses: LIVE, decides: { queue: 'waiver-approvals', makerMay: true } },
  { id: 'writeOffApprove', roles: ['officer', 'underwriter'], statuses: LIVE, decides: { queue: 'write-off-approvals' } },
];
const item = (requestedBy: string, reference: string | null): WaitingItem => ({ requestedBy, submittedBy: 'officer-ann', reference });
const ids = (role: string, sub: string, waiting: Partial<Record<string, WaitingItem[]>>) => offeredActions(ACTIONS, role, sub, 'active', waiting).map((o) => o.action.id);

describe('a decision on a four-eyes request shows only while one waits on the loan (QA 12 W15)', () => {
  it('on a live loan with nothing waiting, no decision shows', () => {
    expect(ids('officer', 'bob', {})).toEqual(['waive']);
    expect(ids('underwriter', 'bob', {})).toEqual([]);
  });

  it('a waiting waiver offers its checker the approval and the rejection, with its reference', () => {
    const offered = offeredActions(ACTIONS, 'underwriter', 'bob', 'active', { 'waiver-approvals': [item('officer-ann', 'GW-1')] });
    expect(offered.map((o) => [o.action.id, o.waiting])).toEqual([['approveWaiver', ['GW-1']], ['rejectWaiver', ['GW-1']]]);
  });

  it('its maker may withdraw it but not approve it; a write-off or reversal is never offered to its requester', () => {
    const waiting = { 'waiver-approvals': [item('ann', 'GW-1')], 'write-off-approvals': [item('ann', null)], 'reversal-approvals': [item('ann', 'BANK-1')] };
    expect(ids('officer', 'ann', waiting)).toEqual(['waive', 'rejectWaiver']);
    expect(ids('officer', 'otto', waiting)).toEqual(['waive', 'approveReversal', 'approveWaiver', 'rejectWaiver', 'writeOffApprove']);
  });

  it('roles that may not approve get no decision and read no queue', () => {
    const waiting = { 'waiver-approvals': [item('ann', 'GW-1')], 'write-off-approvals': [item('ann', null)] };
    for (const role of ['compliance', 'admin', 'borrower']) {
      expect(ids(role, 'x', waiting)).toEqual([]);
      expect(approvalQueuesFor(ACTIONS, role, 'active')).toEqual([]);
    }
    expect(approvalQueuesFor(ACTIONS, 'officer', 'active')).toEqual(['reversal-approvals', 'waiver-approvals', 'write-off-approvals']);
    expect(approvalQueuesFor(ACTIONS, 'underwriter', 'submitted')).toEqual([]);
  });
});
