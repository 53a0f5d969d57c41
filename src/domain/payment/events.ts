import type { DomainEvent } from '../decider.js';
import type { Channel } from '../loan/events.js';

/** A channel a borrower pays an intent through; `sandbox` is the local simulated gateway. */
export type IntentChannel = 'alipay' | 'wechat' | 'sandbox';

/**
 * A borrower's (or an officer's on its behalf) request to pay `amount` (decimal string in the
 * loan's currency) on a loan through a channel; it stays pending until the channel confirms or
 * it expires at `expiresAt` (ISO instant).
 */
export type PaymentIntentCreated = DomainEvent<'PaymentIntentCreated', {
  intentId: string;
  loanId: string;
  customerId: string;
  amount: string;
  currency: string;
  channel: IntentChannel;
  createdAt: string;
  expiresAt: string;
}>;

/**
 * Money the loan could take neither as a repayment nor as a recovery: it waits in the suspense
 * queue for an officer. `reason` is the loan's refusal code, `detail` its message; `loanId` the
 * loan the intent was for; `currency` the intent's; `channel` the one it is recorded under once assigned.
 */
export interface PaymentSuspense {
  reason: string;
  detail: string;
  loanId: string;
  currency: string;
  channel: Channel;
}

/**
 * The channel confirmed money arrived: `providerTxnId` becomes the repayment's reference.
 * `flags` name why an officer must look (`AMOUNT_DIFFERS`, `CONFIRMED_AFTER_EXPIRY`, `SUSPENDED`; a later
 * PaymentConfirmationContradicted adds `AMOUNT_CONTRADICTED` to the state's);
 * empty when none. `suspense` is present when the money went to the suspense queue instead of the loan.
 */
export type PaymentConfirmed = DomainEvent<'PaymentConfirmed', {
  providerTxnId: string;
  amount: string;
  paidAt: string;
  flags: string[];
  suspense?: PaymentSuspense;
}>;

/**
 * The channel notified the transaction `providerTxnId` of a confirmed intent again with another
 * `amount` than the `confirmedAmount` it first reported (QA 12 Q10). Nothing more is recorded on the
 * loan (the transaction's reference already carries the first amount); the reconciliation lists
 * the transaction as `amount-differs` (provider's latest word against what the loan recorded) and
 * the intent's confirmation is flagged `AMOUNT_CONTRADICTED`, for an officer to ask the provider.
 */
export type PaymentConfirmationContradicted = DomainEvent<'PaymentConfirmationContradicted', {
  providerTxnId: string;
  amount: string;
  confirmedAmount: string;
  paidAt: string;
}>;

/** An officer settled a suspended payment: it was recorded on `loanId` under the provider's transaction id `reference`. */
export type SuspendedPaymentAssigned = DomainEvent<'SuspendedPaymentAssigned', { reference: string; loanId: string; assignedBy: string }>;

/** The channel reported the payment failed (declined, cancelled); nothing was collected. */
export type PaymentFailed = DomainEvent<'PaymentFailed', { providerTxnId: string | null; reason: string; failedAt: string }>;

/** The intent's time ran out before any confirmation. */
export type PaymentIntentExpired = DomainEvent<'PaymentIntentExpired', { expiredAt: string }>;

/**
 * The provider gave (part of) the confirmed transaction `providerTxnId` back to the payer, under its
 * refund id `reference`: `amount` this refund, `refundedTotal` all refunded of the transaction so far
 * (never above what was confirmed). The lender no longer holds it: the reconciliation's confirmed side
 * becomes the net captured, and a refund of all of it asks for the repayment's reversal on the loan.
 */
export type PaymentRefundedAtProvider = DomainEvent<'PaymentRefundedAtProvider', {
  providerTxnId: string;
  reference: string;
  amount: string;
  refundedTotal: string;
  refundedAt: string;
}>;

export type PaymentEvent = PaymentIntentCreated | PaymentConfirmed | PaymentConfirmationContradicted | PaymentFailed | PaymentIntentExpired | SuspendedPaymentAssigned | PaymentRefundedAtProvider;
