import type { ReplayMemo } from './replay-memo.js';
import { parseDate } from '../calendar.js';
import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';
import type { ApproveReversal, ReverseRepayment } from './commands.js';
import type { LoanEvent, RepaymentReversed } from './events.js';
import { requireLoan } from './guards.js';
import { knownPayment, type PaymentRecord } from './payment-book.js';
import { penaltiesOwedAfterBounce, penaltiesOwedOnBounce } from './penalties-owed-by.js';
import type { LoanState } from './state.js';

/** The repayment recorded under `reference`; REPAYMENT_NOT_FOUND otherwise. */
function knownRepayment(state: LoanState, reference: string): PaymentRecord {
  const payment = knownPayment(state.payments, reference);
  if (!payment) throw new DomainError('REPAYMENT_NOT_FOUND', `No repayment or recovery with reference ${reference}`, 'not_found', { reference });
  return payment;
}

/** The recovery recorded under `reference`, when no repayment has it (a repayment's reference wins). */
function knownRecovery(state: LoanState, reference: string): { amount: string; effectiveDate: string } | null {
  if (knownPayment(state.payments, reference)) return null;
  return state.recoveries[reference] ?? null;
}

/**
 * Reverses a recovery (money received on a written-off loan, e.g. a bounced transfer): what was
 * recovered goes down, and the ledger moves the recovery income and the cash back. The same rules
 * as a repayment's reversal: a second reversal or one already requested is a no-op, never dated
 * before the recovery, and above reversalApprovalAbove only requested until approved.
 */
function reverseRecovery(data: ReverseRepayment['data'], recovery: { amount: string; effectiveDate: string }, state: LoanState, threshold: string | null): LoanEvent[] {
  if (state.reversedRecoveries.includes(data.reference) || state.reversalRequests[data.reference]) return [];
  const date = parseDate(data.effectiveDate);
  if (date < recovery.effectiveDate) {
    throw new DomainError('REVERSAL_BEFORE_PAYMENT', `A reversal cannot be dated ${date}, before the recovery on ${recovery.effectiveDate}`, 'rule');
  }
  if (data.approvalRequired === true || (threshold !== null && new Dec(recovery.amount).gt(threshold))) {
    return [{ type: 'RepaymentReversalRequested', data: { reference: data.reference, amount: recovery.amount, reason: data.reason, effectiveDate: date, requestedBy: data.reversedBy } }];
  }
  return [{ type: 'RecoveryReversed', data: { reference: data.reference, amount: recovery.amount, reason: data.reason, effectiveDate: date, reversedBy: data.reversedBy } }];
}

/**
 * Checks the repayment can still be reversed: not made before a reschedule (whose contract baked it in).
 * On a written-off loan it can: every repayment is dated on or before the write-off, which the
 * replay re-derives without it (the bounced cash goes to the loss).
 */
function requireReversible(state: LoanState, payment: PaymentRecord): void {
  const reference = payment.reference;
  if (payment.sequence < state.replayFrom) {
    throw new DomainError('REVERSAL_BEFORE_RESCHEDULE', `Repayment ${reference} was made before the reschedule on ${state.rescheduledOn}`, 'rule');
  }
}

/**
 * Reverses a repayment (a bounced transfer, a channel chargeback, a posting error): allocation
 * re-runs without it in effective-date order, a closed or overpaid loan reopens, and delinquency
 * comes back. Reversing a reference already reversed, or asking again for a reversal already
 * waiting for approval, is a no-op. Above the product's `reversalApprovalAbove` (or when `approvalRequired`) it is only
 * requested (RepaymentReversalRequested) until a second person approves it (approveReversal).
 * A recovery's reference reverses that recovery (reverseRecovery). On a written-off loan the
 * penalties the reversal leaves owed by the write-off's date are recorded first (penaltiesOwedOnBounce);
 * on any other loan those it leaves owed by its own date, right after it (penaltiesOwedAfterBounce).
 */
export function reverseRepayment({ data }: ReverseRepayment, state: LoanState, memo: ReplayMemo): LoanEvent[] {
  const terms = requireLoan(state);
  const recovery = knownRecovery(state, data.reference);
  if (recovery) return reverseRecovery(data, recovery, state, terms.reversalApprovalAbove ?? null);
  const payment = knownRepayment(state, data.reference);
  if (state.reversed.includes(data.reference) || state.reversalRequests[data.reference]) return [];
  requireReversible(state, payment);
  const date = parseDate(data.effectiveDate);
  if (date < payment.effectiveDate) {
    throw new DomainError('REVERSAL_BEFORE_PAYMENT', `A reversal cannot be dated ${date}, before the payment on ${payment.effectiveDate}`, 'rule');
  }
  const threshold = terms.reversalApprovalAbove ?? null;
  if (data.approvalRequired === true || (threshold !== null && new Dec(payment.amount).gt(threshold))) {
    return [{ type: 'RepaymentReversalRequested', data: { reference: data.reference, amount: payment.amount, reason: data.reason, effectiveDate: date, requestedBy: data.reversedBy } }];
  }
  return bounced(state, { type: 'RepaymentReversed', data: { reference: data.reference, amount: payment.amount, reason: data.reason, effectiveDate: date, reversedBy: data.reversedBy } }, memo);
}

/**
 * The reversal with the penalties it leaves owed: on a written-off loan those owed by the write-off's
 * date, before it (penaltiesOwedOnBounce); on any other those owed by its date, after it, on the loan
 * it reopens (penaltiesOwedAfterBounce).
 */
function bounced(state: LoanState, reversal: RepaymentReversed, memo: ReplayMemo): LoanEvent[] {
  return [...penaltiesOwedOnBounce(state, reversal, memo), reversal, ...penaltiesOwedAfterBounce(state, reversal, memo)];
}

/**
 * Second half of a four-eyes reversal: someone other than the requester approves it, and the
 * repayment is reversed as requested (its reason and effective date). Approving one already
 * approved is a no-op; one reversed at once, with no approval needed, is REVERSAL_NOT_REQUESTED
 * (QA: the console said "approved" when nothing was).
 *
 * Errors: REPAYMENT_NOT_FOUND (404); REVERSAL_NOT_REQUESTED (409); FOUR_EYES_REQUIRED (422, the
 * requester approving); REVERSAL_BEFORE_RESCHEDULE (422).
 */
export function approveReversal({ data }: ApproveReversal, state: LoanState, memo: ReplayMemo): LoanEvent[] {
  requireLoan(state);
  const recovery = knownRecovery(state, data.reference);
  if (recovery) return approveRecoveryReversal(data, recovery, state);
  const payment = knownRepayment(state, data.reference);
  if (state.approvedReversals.includes(data.reference)) return [];
  if (state.reversed.includes(data.reference)) {
    throw new DomainError('REVERSAL_NOT_REQUESTED', `${data.reference} was reversed at once (no approval was needed): there is nothing to approve`, 'conflict', { reference: data.reference });
  }
  requireReversible(state, payment);
  const request = state.reversalRequests[data.reference];
  if (!request) throw new DomainError('REVERSAL_NOT_REQUESTED', `No reversal of ${data.reference} waits for approval`, 'conflict', { reference: data.reference });
  if (request.requestedBy === data.approvedBy) {
    throw new DomainError('FOUR_EYES_REQUIRED', 'The approver of a reversal must not be its requester', 'rule');
  }
  return bounced(state, {
    type: 'RepaymentReversed',
    data: { reference: data.reference, amount: payment.amount, reason: request.reason, effectiveDate: request.effectiveDate, reversedBy: request.requestedBy, approvedBy: data.approvedBy },
  }, memo);
}

/** approveReversal for a recovery: the same four-eyes rules, answered with RecoveryReversed. */
function approveRecoveryReversal(data: ApproveReversal['data'], recovery: { amount: string }, state: LoanState): LoanEvent[] {
  if (state.approvedReversals.includes(data.reference)) return [];
  if (state.reversedRecoveries.includes(data.reference)) {
    throw new DomainError('REVERSAL_NOT_REQUESTED', `${data.reference} was reversed at once (no approval was needed): there is nothing to approve`, 'conflict', { reference: data.reference });
  }
  const request = state.reversalRequests[data.reference];
  if (!request) throw new DomainError('REVERSAL_NOT_REQUESTED', `No reversal of ${data.reference} waits for approval`, 'conflict', { reference: data.reference });
  if (request.requestedBy === data.approvedBy) {
    throw new DomainError('FOUR_EYES_REQUIRED', 'The approver of a reversal must not be its requester', 'rule');
  }
  return [{
    type: 'RecoveryReversed',
    data: { reference: data.reference, amount: recovery.amount, reason: request.reason, effectiveDate: request.effectiveDate, reversedBy: request.requestedBy, approvedBy: data.approvedBy },
  }];
}
