import { occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { runPayoutCommand } from './payout-stream.js';

/**
 * Turns down a payout waiting for approval (its checker rejects it, or its maker withdraws it: no
 * money moves, so one person may): nothing is sent and its credit is free again. Rejecting it again
 * is a no-op. Errors: PAYOUT_NOT_FOUND 404; PAYOUT_NOT_AWAITING_APPROVAL 409 (already approved and sent).
 */
export async function rejectPayout(services: AppServices, meta: CommandMeta, payoutId: string, reason: string): Promise<CommandOutcome> {
  const at = services.clock.now().toISOString();
  return runPayoutCommand(services, meta, payoutId, { type: 'RejectPayout', data: { rejectedBy: meta.actor.sub, reason, at } }, occurredAtFor(services));
}
