import type { AppServices, CommandMeta, CommandOutcome } from '../services.js';
import { runPaymentCommand } from './payment-stream.js';

/**
 * Cancels a pending payment intent for whoever `meta.actor` is (the borrower who owns it, or an
 * officer): PaymentFailed with the reason `cancelled by <sub>` on its stream, after which the loan's
 * intent desk has no open intent and another amount may be started at once. The provider's order
 * is left to expire at the channel; money it still confirms is recorded and flagged. Errors as
 * cancelIntent in the payment decider: PAYMENT_INTENT_NOT_FOUND 404, PAYMENT_ALREADY_CONFIRMED /
 * PAYMENT_INTENT_CLOSED 409. Cancelling a cancelled intent is a no-op (created false).
 */
export function cancelPaymentIntent(services: AppServices, meta: CommandMeta, intentId: string): Promise<CommandOutcome> {
  const now = services.clock.now().toISOString();
  return runPaymentCommand(services, meta, intentId, { type: 'CancelIntent', data: { cancelledBy: meta.actor.sub, now } }, now);
}
