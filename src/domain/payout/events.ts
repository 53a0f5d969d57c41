import type { DomainEvent } from '../decider.js';

/** How a refund payout leaves the lender: a provider, the local sandbox, or a bank transfer an officer confirms. */
export type PayoutChannel = 'sandbox' | 'alipay' | 'wechat' | 'bank-transfer';

/** Who receives the money on a provider: an Alipay logon id or user id, a WeChat openid; `name` is checked by the provider. */
export interface Payee {
  account: string;
  name: string | null;
}

/**
 * An officer started paying back (part of) a loan's credit balance through a channel: `amount`
 * (decimal string in the loan's currency) is reserved against the credit until the payout is
 * confirmed or fails. Nothing is recorded on the loan yet.
 */
export type PayoutCreated = DomainEvent<'PayoutCreated', {
  payoutId: string;
  loanId: string;
  customerId: string;
  amount: string;
  currency: string;
  channel: PayoutChannel;
  payee: Payee | null;
  createdAt: string;
  /**
   * Its maker: set on every payout started since four eyes (QA Q14), which then waits for a second
   * person's approval (PayoutApproved) before the channel is asked to pay. Absent on older payouts,
   * which were sent at once.
   */
  requestedBy?: string;
}>;

/** A second person approved the payout (never its maker): the channel is asked to pay now. */
export type PayoutApproved = DomainEvent<'PayoutApproved', { approvedBy: string; approvedAt: string }>;

/** A checker (or its maker, withdrawing it) turned the payout down before any money left: its credit is free again. */
export type PayoutRejected = DomainEvent<'PayoutRejected', { rejectedBy: string; reason: string; rejectedAt: string }>;

/**
 * The channel (or, for a bank transfer, an officer with the bank's reference) confirmed the money
 * left: `channelReference` is the loan's RefundIssued reference, so a redelivery records nothing new.
 */
export type PayoutConfirmed = DomainEvent<'PayoutConfirmed', { channelReference: string; confirmedAt: string; confirmedBy: string }>;

/** The channel reported the payout failed (or the bank returned it): the reservation is released, the loan is untouched. */
export type PayoutFailed = DomainEvent<'PayoutFailed', { channelReference: string | null; reason: string; failedAt: string }>;

export type PayoutEvent = PayoutCreated | PayoutApproved | PayoutRejected | PayoutConfirmed | PayoutFailed;

/** On a loan's payout desk: a payout was opened against its credit (the desk serialises reservations). */
export type PayoutReserved = DomainEvent<'PayoutReserved', { payoutId: string; amount: string }>;

/**
 * On a loan's payout desk: an admin's refund decree claims `amount` of the credit before the loan
 * records it as RefundIssued `reference`, decided when the loan stood at `loanRevision` (the decree's
 * loan command is appended at that revision). The claim holds while the loan is still at that
 * revision without the refund; once the loan moves on, the refund is recorded or never will be.
 */
export type RefundDecreeReserved = DomainEvent<'RefundDecreeReserved', { reference: string; amount: string; loanRevision: string }>;

export type PayoutDeskEvent = PayoutReserved | RefundDecreeReserved;
