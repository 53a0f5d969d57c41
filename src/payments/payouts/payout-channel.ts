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

/** A payout as the lender asks a provider about it. */
export interface PayoutRef {
  payoutId: string;
  amount: string;
  currency: string;
}

/**
 * What the provider says of a payout when asked (a status query, or its answer to a cancel):
 * still in flight, paid under its reference, ended without paying, or never received at all
 * (`unknown`: it did not pay). `providerState` is the provider's own word (SUCCESS, DEALING,
 * WAIT_USER_CONFIRM, ORDER_NOT_EXIST…), shown to the officer.
 */
export type PayoutStatusAnswer =
  | { status: 'pending'; providerState: string }
  | { status: 'succeeded'; providerState: string; channelReference: string; amount: string | null; at: string }
  | { status: 'failed'; providerState: string; channelReference: string | null; reason: string; at: string }
  | { status: 'unknown'; providerState: string };

/** The channel a loan's RefundIssued carries for a payout sent through each payout channel. */
export const REFUND_CHANNEL: Readonly<Record<PayoutChannelName, Channel>> = { sandbox: 'online', alipay: 'alipay', wechat: 'wechat', 'bank-transfer': 'bank_transfer' };

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
  /** Refuses an order the provider would refuse, before anything is recorded (e.g. PAYEE_NAME_REQUIRED 422). */
  validate?(order: Pick<PayoutOrder, 'amount' | 'currency' | 'payee'>): void;
  submit(order: PayoutOrder): Promise<PayoutSubmission>;
  /** The page a pending payout is settled on (the sandbox gateway's; the `actionUrl` its submission answered), for as long as it is pending. */
  settlementPage?(payoutId: string): string;
  verifyNotification?(notification: InboundNotification): Promise<VerifiedPayoutNotification>;
  /** Asks the provider where the payout stands; its answer is verified like a notification (CHANNEL_UNAVAILABLE 502 otherwise). */
  query?(payout: PayoutRef): Promise<PayoutStatusAnswer>;
  /**
   * Asks the provider to cancel a payout not yet paid (only providers that allow it): `failed`
   * when cancelled, `pending` while the cancellation is under way; PAYOUT_NOT_CANCELLABLE 409 when
   * the provider refuses.
   */
  cancel?(payout: PayoutRef): Promise<PayoutStatusAnswer>;
  readonly acknowledgement?: Acknowledgement;
}

export type PayoutChannels = ReadonlyMap<PayoutChannelName, PayoutChannel>;
