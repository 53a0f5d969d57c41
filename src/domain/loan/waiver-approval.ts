import type { ReplayMemo } from './replay-memo.js';
import { DomainError } from '../errors.js';
import type { ApproveWaiver, RejectWaiver } from './commands.js';
import type { LoanEvent } from './events.js';
import { requireLoan } from './guards.js';
import type { LoanState, WaiverRequest } from './state.js';
import { waiverEvents } from './waiver.js';

/** The waiver waiting under `reference`; WAIVER_NOT_FOUND (404) when the loan never had one. */
function pendingWaiver(state: LoanState, reference: string): WaiverRequest | null {
  const request = state.waiverRequests[reference];
  if (request) return request;
  if (state.decidedWaivers[reference] === undefined) {
    throw new DomainError('WAIVER_NOT_FOUND', `No waiver request ${reference} on this loan`, 'not_found', { reference });
  }
  return null;
}

/**
 * Second half of a four-eyes waiver: someone other than its maker approves it, and the waiver is
 * applied as requested (its kind, amount, reason and effective date), checked again against what
 * the loan owes now. Approving one already approved is a no-op.
 *
 * Errors: WAIVER_NOT_FOUND (404); WAIVER_NOT_PENDING (409, it was rejected); FOUR_EYES_REQUIRED
 * (422, its maker approving); and the waiver's own refusals when the loan changed since
 * (AMOUNT_OUT_OF_RANGE, WAIVER_EXCEEDS_INTEREST_DUE 422; LOAN_NOT_ACTIVE 409): reject it then.
 */
export function approveWaiver({ data }: ApproveWaiver, state: LoanState, memo: ReplayMemo): LoanEvent[] {
  requireLoan(state);
  const request = pendingWaiver(state, data.reference);
  if (request === null) {
    if (state.decidedWaivers[data.reference] === 'approved') return [];
    throw new DomainError('WAIVER_NOT_PENDING', `The waiver request ${data.reference} was rejected: there is nothing to approve`, 'conflict', { reference: data.reference });
  }
  if (request.requestedBy === data.approvedBy) {
    throw new DomainError('FOUR_EYES_REQUIRED', 'The approver of a waiver must not be its maker', 'rule');
  }
  // The penalties owed by its date come first (waiverEvents records them, as a payment does), then the waiver itself.
  return waiverEvents({ kind: request.kind, amount: request.amount, reason: request.reason, effectiveDate: request.effectiveDate }, state, memo).map((event) =>
    event.type === 'ChargeWaived' ? { ...event, data: { ...event.data, reference: data.reference, requestedBy: request.requestedBy, approvedBy: data.approvedBy } } : event);
}

/**
 * Turns a pending waiver down: nothing is waived and its reference is spent. Its checker rejects
 * it, or its maker withdraws it (no money moves, so one person may). Rejecting one already
 * rejected is a no-op. Errors: WAIVER_NOT_FOUND (404); WAIVER_NOT_PENDING (409, it was approved).
 */
export function rejectWaiver({ data }: RejectWaiver, state: LoanState): LoanEvent[] {
  requireLoan(state);
  const request = pendingWaiver(state, data.reference);
  if (request === null) {
    if (state.decidedWaivers[data.reference] === 'rejected') return [];
    throw new DomainError('WAIVER_NOT_PENDING', `The waiver request ${data.reference} was already approved and applied; it can no longer be rejected`, 'conflict', { reference: data.reference });
  }
  return [{ type: 'ChargeWaiverRejected', data: { reference: data.reference, reason: data.reason, rejectedBy: data.rejectedBy } }];
}
