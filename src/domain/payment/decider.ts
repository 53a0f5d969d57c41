import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { AssignSuspendedPayment, CancelIntent, ConfirmPayment, CreateIntent, FailPayment, PaymentCommand } from './commands.js';
import type { PaymentEvent } from './events.js';
import { recordProviderRefund } from './provider-refund.js';
import { evolvePaymentIntent, initialPaymentIntentState, type PaymentIntentState } from './state.js';

export type { PaymentCommand } from './commands.js';
export type { IntentStatus, PaymentIntentState } from './state.js';

const notFound = () => new DomainError('PAYMENT_INTENT_NOT_FOUND', 'Payment intent does not exist', 'not_found');
const isPast = (expiresAt: string | null, now: string) => expiresAt !== null && Date.parse(now) >= Date.parse(expiresAt);

function createIntent({ data }: CreateIntent, state: PaymentIntentState): PaymentEvent[] {
  if (state.status !== 'none') throw new DomainError('PAYMENT_INTENT_EXISTS', 'Payment intent already exists', 'conflict');
  Money.parse(data.amount, data.currency);
  if (!(Date.parse(data.expiresAt) > Date.parse(data.createdAt))) throw new DomainError('INVALID_EXPIRY', 'An intent must expire after it is created', 'invalid');
  return [{ type: 'PaymentIntentCreated', data }];
}

/**
 * The confirmed transaction notified again: with its amount (or one it was already contradicted
 * with) a no-op, as providers redeliver; with another amount the contradiction is recorded, once
 * per amount, so it is found in the reconciliation instead of acknowledged and forgotten.
 */
function notifiedAgain(data: ConfirmPayment['data'], state: PaymentIntentState, confirmedAmount: string): PaymentEvent[] {
  const amount = Money.parse(data.amount, state.currency ?? '').amount;
  if ([confirmedAmount, ...state.contradictedAmounts].some((known) => amount.equals(known))) return [];
  return [{ type: 'PaymentConfirmationContradicted', data: { providerTxnId: data.providerTxnId, amount: data.amount, confirmedAmount, paidAt: data.paidAt } }];
}

/**
 * Money arrived: confirmed once. The same transaction again is a no-op (providers redeliver), or a
 * PaymentConfirmationContradicted when it names another amount (notifiedAgain); another
 * transaction on a confirmed intent is refused. A differing amount or a confirmation after
 * expiry (or after a failure report) is still recorded — the money arrived — but flagged for an officer.
 */
function confirmPayment({ data }: ConfirmPayment, state: PaymentIntentState): PaymentEvent[] {
  if (state.status === 'none') throw notFound();
  if (state.status === 'confirmed') {
    if (state.confirmation?.providerTxnId === data.providerTxnId) return notifiedAgain(data, state, state.confirmation.amount);
    throw new DomainError('PAYMENT_ALREADY_CONFIRMED', `Intent was already confirmed by transaction ${state.confirmation?.providerTxnId ?? '?'}`, 'conflict');
  }
  const paid = Money.parse(data.amount, state.currency ?? '').amount;
  const flags: string[] = [];
  if (!paid.equals(state.amount ?? '0')) flags.push('AMOUNT_DIFFERS');
  if (state.status === 'expired' || isPast(state.expiresAt, data.paidAt)) flags.push('CONFIRMED_AFTER_EXPIRY');
  if (state.status === 'failed') flags.push('CONFIRMED_AFTER_FAILURE');
  if (data.suspense) flags.push('SUSPENDED');
  return [{ type: 'PaymentConfirmed', data: { providerTxnId: data.providerTxnId, amount: data.amount, paidAt: data.paidAt, flags, ...(data.suspense ? { suspense: data.suspense } : {}) } }];
}

/**
 * Settles a suspended payment on a loan, once: the same loan again is a no-op; another loan, or a
 * payment that is not suspended, is SUSPENSE_LINE_ASSIGNED / PAYMENT_NOT_SUSPENDED (409).
 */
function assignSuspendedPayment({ data }: AssignSuspendedPayment, state: PaymentIntentState): PaymentEvent[] {
  if (state.status === 'none') throw notFound();
  if (state.suspense === null) throw new DomainError('PAYMENT_NOT_SUSPENDED', 'This payment is not in the suspense queue', 'conflict');
  if (state.suspense.assignedTo === data.loanId) return [];
  if (state.suspense.assignedTo !== null) {
    throw new DomainError('SUSPENSE_LINE_ASSIGNED', `payment ${state.confirmation?.providerTxnId ?? '?'} is already assigned to loan ${state.suspense.assignedTo}`, 'conflict');
  }
  return [{ type: 'SuspendedPaymentAssigned', data }];
}

function failPayment({ data }: FailPayment, state: PaymentIntentState): PaymentEvent[] {
  if (state.status === 'none') throw notFound();
  if (state.status === 'failed') return [];
  if (state.status !== 'pending') throw new DomainError('PAYMENT_INTENT_CLOSED', `Intent is already ${state.status}`, 'conflict');
  return [{ type: 'PaymentFailed', data: { providerTxnId: data.providerTxnId, reason: data.reason, failedAt: data.now } }];
}

/** How a cancelled intent's failure reason starts: the intent was given up by its payer, not declined by the channel. */
export const CANCELLED_REASON = 'cancelled by ';

/**
 * Gives up a pending intent (QA 11 S10: a borrower who started the wrong amount could start no
 * other for its whole lifetime): recorded as PaymentFailed with no provider transaction and the
 * reason `cancelled by <who>`, which frees the loan's intent desk. Cancelling it again is a no-op.
 * Money the channel confirms afterwards is still recorded, flagged CONFIRMED_AFTER_FAILURE.
 * Errors: PAYMENT_ALREADY_CONFIRMED 409 (it was paid); PAYMENT_INTENT_CLOSED 409 (it failed at the
 * channel or expired).
 */
function cancelIntent({ data }: CancelIntent, state: PaymentIntentState): PaymentEvent[] {
  if (state.status === 'none') throw notFound();
  if (state.status === 'confirmed') throw new DomainError('PAYMENT_ALREADY_CONFIRMED', 'This payment was already made and cannot be cancelled', 'conflict');
  if (state.status === 'failed' && state.failure?.providerTxnId === null && state.failure.reason.startsWith(CANCELLED_REASON)) return [];
  if (state.status !== 'pending' || isPast(state.expiresAt, data.now)) {
    throw new DomainError('PAYMENT_INTENT_CLOSED', `This payment is already ${state.status === 'pending' ? 'expired' : state.status}: nothing to cancel`, 'conflict');
  }
  return [{ type: 'PaymentFailed', data: { providerTxnId: null, reason: `${CANCELLED_REASON}${data.cancelledBy}`, failedAt: data.now } }];
}

/** Decides a payment command against the intent: the new events, or a DomainError. */
export function decidePayment(command: PaymentCommand, state: PaymentIntentState): PaymentEvent[] {
  switch (command.type) {
    case 'CreateIntent':
      return createIntent(command, state);
    case 'ConfirmPayment':
      return confirmPayment(command, state);
    case 'FailPayment':
      return failPayment(command, state);
    case 'AssignSuspendedPayment':
      return assignSuspendedPayment(command, state);
    case 'CancelIntent':
      return cancelIntent(command, state);
    case 'RecordProviderRefund':
      return recordProviderRefund(command, state);
    case 'ExpireIntent':
      if (state.status === 'none') throw notFound();
      if (state.status !== 'pending' || !isPast(state.expiresAt, command.data.now)) return [];
      return [{ type: 'PaymentIntentExpired', data: { expiredAt: command.data.now } }];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

export const paymentDecider: Decider<PaymentCommand, PaymentEvent, PaymentIntentState> = {
  decide: decidePayment,
  evolve: evolvePaymentIntent,
  initialState: initialPaymentIntentState,
};
