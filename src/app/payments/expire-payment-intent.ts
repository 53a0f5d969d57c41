import type { AppServices, CommandOutcome } from '../services.js';
import { runPaymentCommand } from './payment-stream.js';

/**
 * Records PaymentIntentExpired when a pending intent's time has passed (nothing otherwise), as the
 * gateway that was asked to take the payment. Returns the outcome (created false when nothing changed).
 */
export function expirePaymentIntent(services: AppServices, intentId: string, gateway: string, correlationId: string): Promise<CommandOutcome> {
  const now = services.clock.now().toISOString();
  return runPaymentCommand(services, { actor: { sub: `channel:${gateway}`, role: 'system' }, correlationId }, intentId, { type: 'ExpireIntent', data: { now } }, now);
}
