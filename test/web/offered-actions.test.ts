import { describe, expect, it } from 'vitest';
import { approvalQueuesFor, offeredActions, type WaitingItem } from '../../web/src/loans/offered-actions.js';

/**
 * The shape of the console's SERVICING_ACTIONS (web/src/loans/servicing-actions.ts) for the four-eyes requests
 * that wait one at a time and the decisions on them, and one plain action.
 */
const LIVE = ['active', 'overdue'];
const ACTIONS = [
  { id: 'waive', roles: ['officer'], statuses: LIVE },
  { id: 'approveReversal', roles: ['officer', 'underwriter'], statuses: [...LIVE, 'overpaid', 'closed'], decides: { queue: 'reversal-approvals' } },
  { id: 'rejectReversal', roles: ['officer', 'underwriter'], statuses: [...LIVE, 'overpaid', 'closed'], decides: { queue: 'reversal-approvals' } },
  { id: 'approveWaiver', roles: ['officer', 'underwriter'], statuses: LIVE, decides: { queue: 'waiver-approvals' } },
  { id: 'rejectWaiver', roles: ['officer', 'underwriter'], statuses: LIVE, decides: { queue: 'waiver-approvals', makerMay: true } },
  { id: 'writeOffRequest', roles: ['officer', 'underwriter'], statuses: LIVE, waitsIn: { queue: 'write-off-approvals' } },
  { id: 'writeOffApprove', roles: ['officer', 'underwriter'], statuses: LIVE, decides: { queue: 'write-off-approvals' } },
];
const item = (requestedBy: string, reference: string | null): WaitingItem => ({ requestedBy, submittedBy: 'officer-ann', reference });
const ids = (role: string, sub: string, waiting: Partial<Record<string, WaitingItem[]>>) => offeredActions(ACTIONS, role, sub, 'active', waiting).map((o) => o.action.id);

describe('a decision on a four-eyes request shows only while one waits on the loan (QA 12 W15)', () => {
  it('on a live loan with nothing waiting, no decision shows', () => {
    expect(ids('officer', 'bob', {})).toEqual(['waive', 'writeOffRequest']);
    expect(ids('underwriter', 'bob', {})).toEqual(['writeOffRequest']);
  });

  it('a waiting waiver offers its checker the approval and the rejection, with its reference', () => {
    const offered = offeredActions(ACTIONS, 'underwriter', 'bob', 'active', { 'waiver-approvals': [item('officer-ann', 'GW-1')] });
    expect(offered.map((o) => [o.action.id, o.waiting.map((w) => w.reference), o.form])).toEqual([['approveWaiver', ['GW-1'], true], ['rejectWaiver', ['GW-1'], true], ['writeOffRequest', [], true]]);
  });

  it('its maker may withdraw it but not approve it; a write-off or reversal is never offered to its requester', () => {
    const waiting = { 'waiver-approvals': [item('ann', 'GW-1')], 'write-off-approvals': [item('ann', null)], 'reversal-approvals': [item('ann', 'BANK-1')] };
    expect(ids('officer', 'ann', waiting)).toEqual(['waive', 'rejectWaiver', 'writeOffRequest']);
    expect(ids('officer', 'otto', waiting)).toEqual(['waive', 'approveReversal', 'rejectReversal', 'approveWaiver', 'rejectWaiver', 'writeOffApprove']);
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

/** The panels the loan page shows: each action, whether it is a form, and the requests it shows (by reference, else by requester). */
const offered = (role: string, sub: string, waiting: Partial<Record<string, WaitingItem[]>>) =>
  offeredActions(ACTIONS, role, sub, 'active', waiting).map((o) => ({ id: o.action.id, form: o.form, waiting: o.waiting.map((w) => w.reference ?? w.requestedBy) }));

describe('a waiting write-off request takes the request form\'s place: one request at a time, approved by another person', () => {
  it('with nothing waiting, officers and underwriters may request a write-off, and nobody may approve one', () => {
    for (const role of ['officer', 'underwriter']) {
      const ids = offered(role, 'ann', {}).map((o) => o.id);
      expect(ids).toContain('writeOffRequest');
      expect(ids).not.toContain('writeOffApprove');
    }
  });

  it('its requester sees the waiting request, without a form to request again or approve', () => {
    const panels = offered('officer', 'ann', { 'write-off-approvals': [item('ann', null)] }).filter((o) => o.id.startsWith('writeOff'));
    expect(panels).toEqual([{ id: 'writeOffRequest', form: false, waiting: ['ann'] }]);
  });

  it('another officer or an underwriter is offered its approval, showing it, and no second request', () => {
    for (const role of ['officer', 'underwriter']) {
      const panels = offered(role, 'otto', { 'write-off-approvals': [item('ann', null)] }).filter((o) => o.id.startsWith('writeOff'));
      expect(panels).toEqual([{ id: 'writeOffApprove', form: true, waiting: ['ann'] }]);
    }
  });

  it('the write-off queue is read by whoever may request a write-off, so the form never shows beside a waiting request', () => {
    expect(approvalQueuesFor(ACTIONS.filter((a) => a.id === 'writeOffRequest'), 'officer', 'active')).toEqual(['write-off-approvals']);
  });
});

describe('a checker approves or rejects each waiting reversal on the loan page; its requester does neither', () => {
  const waiting = { 'reversal-approvals': [item('ann', 'BANK-1'), item('ann', 'BANK-2')] };

  it('the checker is offered the approval and the rejection, each among every waiting reversal', () => {
    const panels = offered('underwriter', 'otto', waiting).filter((o) => o.id.endsWith('Reversal'));
    expect(panels).toEqual([
      { id: 'approveReversal', form: true, waiting: ['BANK-1', 'BANK-2'] },
      { id: 'rejectReversal', form: true, waiting: ['BANK-1', 'BANK-2'] },
    ]);
  });

  it('the requester is offered neither, as the server refuses them (FOUR_EYES_REQUIRED)', () => {
    expect(offered('officer', 'ann', waiting).map((o) => o.id)).not.toContain('rejectReversal');
    expect(offered('officer', 'ann', waiting).map((o) => o.id)).not.toContain('approveReversal');
  });
});
