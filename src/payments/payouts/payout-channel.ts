import type { Channel } from '../../domain/loan/events.js';
import type { Payee, PayoutChannel as PayoutChannelName } from '../../domain/payout/events.js';
import type { Acknowledgement, InboundNotification } from '../channel.js';

/** What the lender asks a channel to pay out. `amount` is a decimal string in `currency`. */
export interface PayoutOrder {
  payoutId: string;
  amount: string;
  currency: string;
  payee: Payee | null;
  /** One line the payee sees (Alipay order title, WeChat transfer remark). */
  remark: string;
}

/**
 * What the channel answered when the payout was submitted: still pending (a notification, or an
 * officer, will settle it; `actionUrl` is a page to settle it on, for the sandbox), already
 * confirmed under the provider's reference, or refused.
 */
export type PayoutSubmission =
  | { status: 'pending'; actionUrl: string | null }
  | { status: 'confirmed'; channelReference: string; at: string }
  | { status: 'failed'; channelReference: string | null; reason: string };

/** A payout notification the channel vouched for (signature verified, fresh, not replayed). */
export interface VerifiedPayoutNotification {
  payoutId: string;
  /** The provider's transfer id: the RefundIssued reference. */
  channelReference: string;
  /** What the provider says it paid, decimal string. */
  amount: string;
  status: 'succeeded' | 'failed';
  /** ISO instant the transfer finished. */
  at: string;
  failureReason: string | null;
}

/**
 * One way money goes back to a borrower. `submit` asks the provider to pay; a channel that
 * notifies asynchronously also verifies those notifications (NOTIFICATION_* 4xx for anything
 * unsigned, forged, tampered, stale or replayed; it never records anything).
 */
export interface PayoutChannel {
  readonly name: PayoutChannelName;
  /** The channel the loan's RefundIssued carries. */
  readonly refundChannel: Channel;
  /** True when the provider needs to know who is paid (an account in the request). */
  readonly needsPayee: boolean;
  submit(order: PayoutOrder): Promise<PayoutSubmission>;
  verifyNotification?(notification: InboundNotification): Promise<VerifiedPayoutNotification>;
  readonly acknowledgement?: Acknowledgement;
}

export type PayoutChannels = ReadonlyMap<PayoutChannelName, PayoutChannel>;
