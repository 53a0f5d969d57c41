import type { Channel } from '../domain/loan/events.js';
import type { IntentChannel } from '../domain/payment/events.js';

/** What the lender asks a channel to collect for an intent. Amounts are decimal strings in `currency`. */
export interface PaymentOrder {
  intentId: string;
  amount: string;
  currency: string;
  /** One line the payer sees (Alipay subject, WeChat description). */
  subject: string;
  /** ISO instant after which the channel should refuse payment. */
  expiresAt: string;
}

/**
 * What the client shows the payer: a page to open (Alipay page pay, the sandbox's confirm page),
 * a QR payload (WeChat Native `code_url`), or an order string an app SDK consumes.
 */
export type PaymentAction =
  | { type: 'redirect'; url: string }
  | { type: 'qr'; codeUrl: string }
  | { type: 'order-string'; orderString: string };

/** An inbound notification as it came over HTTP: headers (lower-case names) and the body's exact text. */
export interface InboundNotification {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A notification the channel vouched for (signature verified, fresh, not replayed). */
export interface VerifiedNotification {
  intentId: string;
  /** The provider's transaction id: the repayment reference, so redeliveries record once. */
  providerTxnId: string;
  /** What the provider says was paid, as a decimal string in `currency`. */
  amount: string;
  /**
   * The currency the provider names for `amount` (WeChat Pay's amount.currency); null when the
   * notification names none and the amount is in the intent's currency (Alipay's total_amount, the sandbox).
   */
  currency: string | null;
  /** ISO instant the payment succeeded (or failed). */
  paidAt: string;
  status: 'succeeded' | 'failed' | 'refunded';
  failureReason: string | null;
  /** With status `refunded`: what the provider gave back of the transaction `providerTxnId`. */
  refund?: ProviderRefund;
}

/**
 * A refund the provider made of a paid transaction: `reference` its id for the refund (Alipay's
 * out_biz_no, WeChat Pay's refund_id); `amount` this refund's, or with `cumulative` everything
 * refunded of the transaction so far (Alipay's refund_fee is the total); `refundedAt` an ISO instant.
 */
export interface ProviderRefund {
  reference: string;
  amount: string;
  cumulative: boolean;
  refundedAt: string;
}

/** The body a provider expects once the notification is handled; anything else makes it redeliver. */
export interface Acknowledgement {
  contentType: string;
  body: string;
}

/**
 * One payment channel behind the port: place an order, verify and parse a notification. Verify
 * throws a DomainError (NOTIFICATION_* codes, 4xx) for anything unsigned, forged, tampered, stale
 * or replayed; it never records anything.
 */
export interface PaymentChannel {
  readonly name: IntentChannel;
  /** The channel the loan's RepaymentReceived carries. */
  readonly repaymentChannel: Channel;
  createOrder(order: PaymentOrder): Promise<PaymentAction>;
  verifyNotification(notification: InboundNotification): Promise<VerifiedNotification>;
  /**
   * Closes the intent's order at the provider so the payer can no longer pay it: `closed` (also when
   * it was closed already or never opened), or `paid` when the provider says it was paid first (its
   * notification records the money). No trustworthy answer is CHANNEL_UNAVAILABLE 502.
   */
  closeOrder(order: { intentId: string }): Promise<'closed' | 'paid'>;
  readonly acknowledgement: Acknowledgement;
}

/** The channels this process runs, by name; a missing one is not configured. */
export type PaymentChannels = ReadonlyMap<IntentChannel, PaymentChannel>;
