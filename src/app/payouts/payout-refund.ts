import { processLoanDecider } from '../loans/loan-decider.js';
import type { RefundOverpayment } from '../../domain/loan/commands.js';
import type { Channel } from '../../domain/loan/events.js';
import type { PayoutState } from '../../domain/payout/state.js';
import { businessDateAt } from '../business-date.js';
import { refundOverpayment } from '../loans/service-loan.js';
import { businessToday, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { loadLoan } from '../streams.js';

/** What the loan records for a payout that left under `channelReference` at `at` (ISO instant). */
export interface PayoutRefund {
  loanId: string;
  amount: string;
  channelReference: string;
  at: string;
}

/**
 * The loan's RefundOverpayment for a payout the channel paid. Everything in it comes from the payout
 * (its amount, the reference and instant its stream confirmed), so every call for one confirmed
 * payout — the first, a provider's redelivery, an officer's retry after a crash — sends the same
 * command, and the loan's reference rule records it once. The date is the day the money left on the
 * lender's calendar, never after today.
 */
export function payoutRefundCommand(services: AppServices, refund: PayoutRefund, refundChannel: Channel): RefundOverpayment {
  const finished = new Date(refund.at);
  const today = businessToday(services);
  const finishedOn = Number.isNaN(finished.getTime()) ? today : businessDateAt(finished, services.clock.timeZone);
  const date = finishedOn < today ? finishedOn : today;
  return { type: 'RefundOverpayment', data: { amount: refund.amount, channel: refundChannel, reference: refund.channelReference, date, paidOut: true } };
}

/**
 * Asks the loan, without writing anything, whether it takes the refund: throws its refusal
 * (LOAN_NOT_OVERPAID 409, REFUND_EXCEEDS_CREDIT 422, BACKDATED_BEFORE_PAYMENT 422,
 * DUPLICATE_REFERENCE 409…) so a confirmation the loan would refuse is refused before the payout's
 * stream records it.
 */
export async function checkLoanTakesRefund(services: AppServices, refund: PayoutRefund, refundChannel: Channel): Promise<void> {
  const state = await loadLoan(services.eventStore, refund.loanId);
  processLoanDecider.decide(payoutRefundCommand(services, refund, refundChannel), state);
}

/**
 * Records a confirmed payout's refund on its loan (RefundIssued; all the credit refunded closes it).
 * Called only after the payout's own stream says it is confirmed, and only with what that stream
 * holds, so it is safe to call again: the reference already on the loan records nothing new.
 * The request's Idempotency-Key and If-Match belong to the payout's command, not to this one.
 */
export async function recordPayoutRefund(services: AppServices, meta: CommandMeta, payout: PayoutState, refundChannel: Channel): Promise<CommandOutcome> {
  const { idempotencyKey: _key, requestHash: _hash, expectedRevision: _rev, ...loanMeta } = meta;
  if (payout.loanId === null || payout.amount === null || payout.confirmation === null) throw new Error('recordPayoutRefund: the payout is not confirmed');
  const command = payoutRefundCommand(services, { loanId: payout.loanId, amount: payout.amount, channelReference: payout.confirmation.channelReference, at: payout.confirmation.confirmedAt }, refundChannel);
  const { amount, channel, reference, date } = command.data;
  return refundOverpayment(services, loanMeta, payout.loanId, { amount: amount ?? null, channel, reference, effectiveDate: date, paidOut: true });
}
