import { DomainError } from '../../domain/errors.js';
import { paymentDecider, type PaymentCommand } from '../../domain/payment/decider.js';
import type { PaymentChannels } from '../../payments/channel.js';
import type { AppServices, CommandMeta, CommandOutcome } from '../services.js';
import { loadPaymentIntent, runPaymentCommand } from './payment-stream.js';

/**
 * Cancels a pending payment intent for whoever `meta.actor` is (the borrower who owns it, or an
 * officer): first its order is closed at the provider (Alipay alipay.trade.close, WeChat Pay's
 * close-order, the sandbox gateway refusing it), so the borrower cannot pay both it and the next
 * one; then PaymentFailed with the reason `cancelled by <sub>` on its stream, after which the loan's
 * intent desk has no open intent. When the provider says it was paid first, nothing is cancelled:
 * 409 PAYMENT_ALREADY_CONFIRMED, and its notification records the money as usual. No trustworthy
 * answer from the provider is CHANNEL_UNAVAILABLE 502 and the intent stays pending. Other errors as
 * cancelIntent in the payment decider: PAYMENT_INTENT_NOT_FOUND 404, PAYMENT_ALREADY_CONFIRMED /
 * PAYMENT_INTENT_CLOSED 409. Cancelling a cancelled intent is a no-op (created false), asking no provider.
 */
export async function cancelPaymentIntent(services: AppServices, channels: PaymentChannels, meta: CommandMeta, intentId: string): Promise<CommandOutcome> {
  const now = services.clock.now().toISOString();
  const command: PaymentCommand = { type: 'CancelIntent', data: { cancelledBy: meta.actor.sub, now } };
  const intent = await loadPaymentIntent(services.eventStore, intentId);
  // The decider's refusals (paid, closed, unknown) come before any call to the provider; a repeat cancel asks none.
  const channel = intent?.state.channel ? channels.get(intent.state.channel) : undefined;
  if (intent !== null && channel !== undefined && paymentDecider.decide(command, intent.state).length > 0) {
    if ((await channel.closeOrder({ intentId })) === 'paid') {
      throw new DomainError('PAYMENT_ALREADY_CONFIRMED', `The borrower paid this intent at ${channel.name} before it could be closed: the payment is recorded as it is notified`, 'conflict');
    }
  }
  return runPaymentCommand(services, meta, intentId, command, now);
}
