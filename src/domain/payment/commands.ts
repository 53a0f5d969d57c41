import type { PaymentIntentCreated, PaymentSuspense } from './events.js';

/** Commands carry ids, amounts and instants as plain data; the application stamps `now`. */
export type CreateIntent = { type: 'CreateIntent'; data: PaymentIntentCreated['data'] };
/** A verified channel notification of success; `now` is when it arrived; `suspense` when the loan could not take the money. */
export type ConfirmPayment = { type: 'ConfirmPayment'; data: { providerTxnId: string; amount: string; paidAt: string; now: string; suspense?: PaymentSuspense } };
/** An officer recorded a suspended payment on a loan. */
export type AssignSuspendedPayment = { type: 'AssignSuspendedPayment'; data: { reference: string; loanId: string; assignedBy: string } };
export type FailPayment = { type: 'FailPayment'; data: { providerTxnId: string | null; reason: string; now: string } };
/** Expires a pending intent whose `expiresAt` has passed by `now`. */
export type ExpireIntent = { type: 'ExpireIntent'; data: { now: string } };

/** The payer (or an officer for it) gives up a pending intent before paying it: `cancelledBy` is who asked, `now` when. */
export type CancelIntent = { type: 'CancelIntent'; data: { cancelledBy: string; now: string } };

/**
 * The provider refunded (part of) the confirmed transaction `providerTxnId`: `reference` is its id for
 * the refund; `amount` that refund's, or with `cumulative` the transaction's refunded total so far
 * (Alipay's refund_fee); `refundedAt` the provider's ISO instant.
 */
export type RecordProviderRefund = {
  type: 'RecordProviderRefund';
  data: { providerTxnId: string; reference: string; amount: string; cumulative: boolean; refundedAt: string };
};

export type PaymentCommand = CreateIntent | ConfirmPayment | FailPayment | ExpireIntent | AssignSuspendedPayment | CancelIntent | RecordProviderRefund;
