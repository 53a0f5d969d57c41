import { businessDateAt } from '../business-date.js';
import type { Actor } from '../../domain/actor.js';
import { Dec } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import type { PaymentSuspense } from '../../domain/payment/events.js';
import type { InboundNotification, PaymentChannel, VerifiedNotification } from '../../payments/channel.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta } from '../services.js';
import { loadPaymentIntent, runPaymentCommand } from './payment-stream.js';
import { recordChannelMoney } from './record-channel-money.js';
import { recordProviderRefund } from './record-provider-refund.js';
import { knownPayment } from '../../domain/loan/payment-book.js';
import { loadLoan } from '../streams.js';

/** What the loan recorded under `reference` (a repayment or a recovery), or null. */
async function amountOnLoan(services: AppServices, loanId: string, reference: string): Promise<string | null> {
  const loan = await loadLoan(services.eventStore, loanId);
  return knownPayment(loan.payments, reference)?.amount ?? loan.recoveries[reference]?.amount ?? null;
}

export interface AcceptedNotification {
  notification: VerifiedNotification;
  /** Global position after the notification was handled: read-your-writes for the loan and the intent. */
  position: bigint;
}

/**
 * Handles a channel's notification: verifies it (NOTIFICATION_* 4xx, nothing recorded), then for
 * a success records the money through the one channel rule (recordChannelMoney: a repayment, also
 * on a closed or overpaid loan as credit to refund; a recovery on a written-off loan; reference =
 * provider transaction id, so a redelivery records nothing new) and confirms the intent (flagged
 * when the amount differs or it came late). Money the loan can take in neither way is confirmed
 * with `suspense` (flag SUSPENDED): it waits in the suspense queue and the reconciliation shows it
 * confirmed, not recorded; so does money paid in another currency than the intent's (CURRENCY_MISMATCH),
 * which no loan in the intent's currency may take. A refund the provider made of the confirmed transaction is
 * recorded on the intent, and a refund of all of it asks for the repayment's reversal (recordProviderRefund).
 * The confirmed transaction notified again is acknowledged as it is, or,
 * with another amount, recorded as a contradiction (no money moves; QA 12 Q10). For a failure the
 * intent is marked failed. Returns only once everything is recorded, so the caller may acknowledge the provider.
 */
export async function acceptNotification(
  services: AppServices,
  channel: PaymentChannel,
  inbound: InboundNotification,
  correlationId: string,
): Promise<AcceptedNotification> {
  const notification = await channel.verifyNotification(inbound);
  const intent = await loadPaymentIntent(services.eventStore, notification.intentId);
  if (intent === null) throw new DomainError('PAYMENT_INTENT_NOT_FOUND', `no payment intent ${notification.intentId}`, 'not_found');
  const { state } = intent;
  if (state.channel !== channel.name || state.loanId === null) {
    throw new DomainError('NOTIFICATION_CHANNEL_MISMATCH', `intent ${notification.intentId} was not placed with ${channel.name}`, 'invalid');
  }
  const actor: Actor = { sub: `channel:${channel.name}`, role: 'system' };
  const meta: CommandMeta = { actor, correlationId };
  const now = services.clock.now().toISOString();
  if (notification.status === 'failed') {
    const outcome = await runPaymentCommand(services, meta, notification.intentId, {
      type: 'FailPayment', data: { providerTxnId: notification.providerTxnId, reason: notification.failureReason ?? 'failed at the provider', now },
    }, now);
    return { notification, position: outcome.position };
  }
  // The provider's instant on the lender's business calendar (its UTC date is a day early between 16:00 and 24:00 UTC in Asia/Shanghai).
  const paidAt = new Date(notification.paidAt);
  const paidOn = Number.isNaN(paidAt.getTime()) ? businessToday(services) : businessDateAt(paidAt, services.clock.timeZone);
  const today = businessToday(services);
  const effectiveDate = paidOn < today ? paidOn : today;
  if (notification.status === 'refunded') {
    if (notification.refund === undefined) throw new DomainError('NOTIFICATION_MALFORMED', 'a refund notification names no refund', 'invalid');
    if (notification.currency !== null && notification.currency !== state.currency) {
      throw new DomainError('NOTIFICATION_MALFORMED', `the refund is in ${notification.currency}, the intent in ${state.currency ?? '?'}`, 'invalid');
    }
    const position = await recordProviderRefund(services, meta, notification.intentId, notification.providerTxnId, notification.refund, effectiveDate);
    return { notification, position };
  }
  if (state.confirmation?.providerTxnId === notification.providerTxnId) {
    // A redelivery of a transaction already handled (recorded or suspended) is acknowledged as it is.
    if (new Dec(notification.amount).equals(state.confirmation.amount)) return { notification, position: intent.position };
    // The same transaction with another amount records nothing on the loan (its reference carries the first) but
    // is recorded as a contradiction on the intent (PaymentConfirmationContradicted), which the reconciliation
    // lists as amount-differs; then it is acknowledged like a redelivery, since retries would only repeat it.
    const flagged = await runPaymentCommand(services, meta, notification.intentId, {
      type: 'ConfirmPayment', data: { providerTxnId: notification.providerTxnId, amount: notification.amount, paidAt: notification.paidAt, now },
    }, now);
    return { notification, position: flagged.position };
  }
  const money = { amount: notification.amount, channel: channel.repaymentChannel, reference: notification.providerTxnId, effectiveDate };
  let recordedAt = 0n;
  let suspense: PaymentSuspense | undefined;
  let onLoan: string | null = null;
  const paidIn = notification.currency ?? state.currency ?? '';
  if (paidIn !== state.currency) {
    // Paid in another currency than the loan's (1234 JPY is not 1234.00 CNY): it arrived, but no loan takes it as it is.
    suspense = {
      reason: 'CURRENCY_MISMATCH', detail: `paid ${notification.amount} ${paidIn}, the intent asked for ${state.currency ?? '?'}`,
      loanId: state.loanId, currency: paidIn, channel: money.channel,
    };
  } else {
    try {
      recordedAt = (await recordChannelMoney(services, meta, state.loanId, money)).outcome.position;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // This very transaction is already on the loan with another amount: a delivery of it that landed between
      // the loan and the intent writes of this one. Not money without a home (suspended, it stood in the queue
      // beside the loan and could be assigned to another loan, counted twice): the intent is confirmed with what
      // the loan recorded, and this amount is recorded as contradicting it, as when it comes after the confirmation.
      onLoan = error.code === 'DUPLICATE_REFERENCE' ? await amountOnLoan(services, state.loanId, money.reference) : null;
      // The loan can take it neither as a repayment nor as a recovery: the money still arrived, so it waits in suspense.
      if (onLoan === null) suspense = { reason: error.code, detail: error.message, loanId: state.loanId, currency: paidIn, channel: money.channel };
    }
  }
  if (onLoan !== null && !new Dec(onLoan).equals(notification.amount)) {
    await runPaymentCommand(services, meta, notification.intentId, {
      type: 'ConfirmPayment', data: { providerTxnId: notification.providerTxnId, amount: onLoan, paidAt: notification.paidAt, now },
    }, occurredAtFor(services, effectiveDate)).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.code === 'PAYMENT_ALREADY_CONFIRMED')) throw error;
    });
  }
  try {
    // Business time of the confirmation: the day the money counts on, so the reconciliation pairs it with the repayment.
    const confirmed = await runPaymentCommand(services, meta, notification.intentId, {
      type: 'ConfirmPayment', data: { providerTxnId: notification.providerTxnId, amount: notification.amount, paidAt: notification.paidAt, now, ...(suspense ? { suspense } : {}) },
    }, occurredAtFor(services, effectiveDate));
    return { notification, position: confirmed.position > recordedAt ? confirmed.position : recordedAt };
  } catch (error) {
    // A second transaction on one intent is still money received: recorded on the loan (above), it is
    // acknowledged and the reconciliation report lists it as recorded without a confirmed intent.
    // Suspended, it has nowhere to be kept: the refusal goes back so the provider delivers it again.
    if (error instanceof DomainError && error.code === 'PAYMENT_ALREADY_CONFIRMED' && suspense === undefined) return { notification, position: recordedAt };
    throw error;
  }
}
