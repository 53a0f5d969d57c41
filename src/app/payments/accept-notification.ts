import { businessDateAt } from '../business-date.js';
import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { InboundNotification, PaymentChannel, VerifiedNotification } from '../../payments/channel.js';
import { receiveRepayment } from '../loans/collect-payment.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta } from '../services.js';
import { loadPaymentIntent, runPaymentCommand } from './payment-stream.js';

export interface AcceptedNotification {
  notification: VerifiedNotification;
  /** Global position after the notification was handled: read-your-writes for the loan and the intent. */
  position: bigint;
}

/**
 * Handles a channel's notification: verifies it (NOTIFICATION_* 4xx, nothing recorded), then for
 * a success records the repayment on the loan through the same function as the repayments route
 * (reference = provider transaction id, so a redelivery records nothing new) and confirms the
 * intent (flagged when the amount differs or it came late); for a failure marks the intent failed.
 * Returns only once everything is recorded, so the caller may acknowledge the provider.
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
  const repayment = await receiveRepayment(services, meta, state.loanId, {
    amount: notification.amount, channel: channel.repaymentChannel, reference: notification.providerTxnId, effectiveDate,
  });
  try {
    // Business time of the confirmation: the day the money counts on, so the reconciliation pairs it with the repayment.
    const confirmed = await runPaymentCommand(services, meta, notification.intentId, {
      type: 'ConfirmPayment', data: { providerTxnId: notification.providerTxnId, amount: notification.amount, paidAt: notification.paidAt, now },
    }, occurredAtFor(services, effectiveDate));
    return { notification, position: confirmed.position > repayment.position ? confirmed.position : repayment.position };
  } catch (error) {
    // A second transaction on one intent is still money received: it is on the loan (above), and the
    // reconciliation report lists it as recorded without a confirmed intent.
    if (error instanceof DomainError && error.code === 'PAYMENT_ALREADY_CONFIRMED') return { notification, position: repayment.position };
    throw error;
  }
}
