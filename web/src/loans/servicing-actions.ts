import type { Role } from '../api/types';
import type { MessageKey } from '../i18n/i18n';
import type { LoanAction } from './loan-command-path';

export interface ActionField {
  name: string;
  label: MessageKey;
  /**
   * `flag`: a checkbox, sent as `true` when ticked and left out otherwise; `rate`: a yearly rate in percent;
   * `waiting`: one of the references waiting in the action's queue for this loan (the first chosen).
   */
  kind: 'amount' | 'rate' | 'text' | 'date' | 'number' | 'select' | 'flag' | 'waiting';
  required?: boolean;
  options?: { value: string; label: MessageKey }[];
  /** A date that may be after the business date when field `when` holds one of `is` (otherwise no date after it is offered). */
  mayFollowBusinessDate?: { when: string; is: readonly string[] };
}

/** One servicing command as the console offers it: who may send it, in which loan states, with which labelled fields. */
export interface ServicingAction {
  id: string;
  action: LoanAction;
  title: MessageKey;
  roles: readonly Role[];
  statuses: readonly string[];
  fields: ActionField[];
  /** Constant fields sent with the form's values (e.g. the write-off step). */
  fixed?: Record<string, string>;
  /** An action that cannot be undone (a reschedule, a write-off) asks this before it is sent (QA 12 W2). */
  confirm?: MessageKey;
  /**
   * A decision on a request waiting in this queue: offered only while one waits there for the loan
   * (QA 12 W15), and not on the caller's own (four eyes) unless `makerMay` (a waiver's maker withdraws it).
   */
  decides?: { queue: ApprovalQueue; makerMay?: boolean };
  /**
   * A request that waits in this queue for a second person, one at a time on a loan: while one waits,
   * its form is not offered and a panel titled `title` shows the waiting request instead (the decision's
   * own panel shows it to a caller who may decide it).
   */
  waitsIn?: { queue: ApprovalQueue; title: MessageKey };
}

/** The work queues four-eyes requests wait in (GET /v1/queues/<name>?loanId=). */
export type ApprovalQueue = 'reversal-approvals' | 'waiver-approvals' | 'write-off-approvals';

const CHANNELS: ActionField['options'] = [
  { value: 'bank_transfer', label: 'channel.bank_transfer' }, { value: 'online', label: 'channel.online' },
  { value: 'alipay', label: 'channel.alipay' }, { value: 'wechat', label: 'channel.wechat' },
];
const PENDING = ['submitted', 'assessed'];
const LIVE = ['active', 'overdue'];
const reason: ActionField = { name: 'reason', label: 'field.reason', kind: 'text', required: true };
const effectiveDate: ActionField = { name: 'effectiveDate', label: 'field.effectiveDate', kind: 'date' };

/** Mirrors src/api/auth/policy.ts for what to show; the API still decides (four eyes, states) and the form shows its refusal. */
export const SERVICING_ACTIONS: ServicingAction[] = [
  { id: 'assess', action: 'assess', title: 'action.assess', roles: ['officer', 'underwriter'], statuses: ['submitted'], fields: [] },
  { id: 'approve', action: 'approve', title: 'action.approve', roles: ['underwriter'], statuses: PENDING, fields: [
    { name: 'approvedPrincipal', label: 'field.approvedPrincipal', kind: 'amount' }, { name: 'note', label: 'field.note', kind: 'text' }, effectiveDate] },
  { id: 'reject', action: 'reject', title: 'action.reject', roles: ['underwriter'], statuses: PENDING, fields: [reason] },
  { id: 'disburse', action: 'disburse', title: 'action.disburse', roles: ['officer'], statuses: ['approved'], fields: [
    { name: 'channel', label: 'field.channel', kind: 'select', required: true, options: CHANNELS }, effectiveDate] },
  { id: 'repay', action: 'repayments', title: 'action.repay', roles: ['officer'], statuses: LIVE, fields: [
    { name: 'amount', label: 'field.amount', kind: 'amount', required: true },
    { name: 'channel', label: 'field.channel', kind: 'select', required: true, options: CHANNELS },
    { name: 'reference', label: 'field.reference', kind: 'text', required: true }, effectiveDate,
    { name: 'prepayment', label: 'field.prepayment', kind: 'select', options: [
      { value: 'reduce-installment', label: 'prepayment.reduce-installment' }, { value: 'reduce-term', label: 'prepayment.reduce-term' }] },
    // Above the payoff the API refuses (AMOUNT_EXCEEDS_PAYOFF) unless the officer says it is meant.
    { name: 'overpayment', label: 'field.overpayment', kind: 'flag' }] },
  { id: 'reverse', action: 'reversal', title: 'action.reverse', roles: ['officer'], statuses: [...LIVE, 'overpaid', 'closed'], fields: [
    { name: 'reference', label: 'field.repaymentReference', kind: 'text', required: true }, reason, effectiveDate] },
  { id: 'approveReversal', action: 'reversal-approve', title: 'action.approveReversal', roles: ['officer', 'underwriter'], statuses: [...LIVE, 'overpaid', 'closed'],
    decides: { queue: 'reversal-approvals' }, fields: [{ name: 'reference', label: 'field.repaymentReference', kind: 'waiting', required: true }] },
  // Its checker rejects it with a reason: nothing is reversed (src/domain/loan/reversal-rejection.ts); never its requester (FOUR_EYES_REQUIRED).
  { id: 'rejectReversal', action: 'reversal-reject', title: 'action.rejectReversal', roles: ['officer', 'underwriter'], statuses: [...LIVE, 'overpaid', 'closed'],
    decides: { queue: 'reversal-approvals' }, fields: [{ name: 'reference', label: 'field.repaymentReference', kind: 'waiting', required: true }, reason] },
  { id: 'waive', action: 'waivers', title: 'action.waive', roles: ['officer'], statuses: LIVE, fields: [
    { name: 'kind', label: 'field.kind', kind: 'select', required: true, options: [
      { value: 'penalty', label: 'waive.penalty' }, { value: 'fee', label: 'waive.fee' }, { value: 'interest', label: 'waive.interest' }] },
    { name: 'amount', label: 'field.amountOptional', kind: 'amount' }, reason, effectiveDate,
    { name: 'reference', label: 'field.waiverReferenceOptional', kind: 'text' }] },
  // Four eyes: a waiver above the product's waiverApprovalAbove waits for someone other than its maker (also in the waiver-approvals queue).
  { id: 'approveWaiver', action: 'waiver-approve', title: 'action.approveWaiver', roles: ['officer', 'underwriter'], statuses: LIVE,
    decides: { queue: 'waiver-approvals' }, fields: [{ name: 'reference', label: 'field.waiverReference', kind: 'waiting', required: true }] },
  // Its checker rejects it, or its maker withdraws it (no money moves: src/domain/loan/waiver-approval.ts).
  { id: 'rejectWaiver', action: 'waiver-reject', title: 'action.rejectWaiver', roles: ['officer', 'underwriter'], statuses: LIVE,
    decides: { queue: 'waiver-approvals', makerMay: true }, fields: [{ name: 'reference', label: 'field.waiverReference', kind: 'waiting', required: true }, reason] },
  { id: 'charge', action: 'charges', title: 'action.charge', roles: ['officer'], statuses: LIVE, fields: [
    { name: 'kind', label: 'field.kind', kind: 'select', required: true, options: [
      { value: 'document-fee', label: 'charge.document-fee' }, { value: 'late-fee', label: 'charge.late-fee' }, { value: 'collection-fee', label: 'charge.collection-fee' }] },
    { name: 'amount', label: 'field.amount', kind: 'amount', required: true },
    // A document fee may fall due with a future installment; a late or collection fee may not be after today.
    { name: 'dueDate', label: 'field.dueDate', kind: 'date', required: true, mayFollowBusinessDate: { when: 'kind', is: ['document-fee'] } }, reason] },
  { id: 'reschedule', action: 'reschedule', title: 'action.reschedule', roles: ['underwriter'], statuses: LIVE, confirm: 'confirm.reschedule', fields: [
    reason, { name: 'term', label: 'field.newTerm', kind: 'number' }, { name: 'annualRate', label: 'field.newRate', kind: 'rate' }, effectiveDate] },
  // One request at a time (WRITE_OFF_ALREADY_REQUESTED): while one waits, it shows in this form's place, to be approved by someone other than its requester.
  { id: 'writeOffRequest', action: 'write-off', title: 'action.writeOffRequest', roles: ['officer', 'underwriter'], statuses: LIVE, fields: [reason, effectiveDate], fixed: { action: 'request' },
    waitsIn: { queue: 'write-off-approvals', title: 'action.writeOffPending' } },
  { id: 'writeOffApprove', action: 'write-off', title: 'action.writeOffApprove', roles: ['officer', 'underwriter'], statuses: LIVE, confirm: 'confirm.writeOff',
    decides: { queue: 'write-off-approvals' }, fields: [effectiveDate], fixed: { action: 'approve' } },
  // Money collected on a written-off loan (README: POST /v1/loans/:id/recoveries), once per reference.
  { id: 'recover', action: 'recoveries', title: 'action.recover', roles: ['officer'], statuses: ['written_off'], fields: [
    { name: 'amount', label: 'field.amount', kind: 'amount', required: true },
    { name: 'channel', label: 'field.channel', kind: 'select', required: true, options: CHANNELS },
    { name: 'reference', label: 'field.reference', kind: 'text', required: true }, effectiveDate] },
  { id: 'withdraw', action: 'withdraw', title: 'action.withdraw', roles: ['officer'], statuses: [...PENDING, 'approved'], fields: [{ name: 'reason', label: 'field.reason', kind: 'text' }] },
];
