import { DomainError } from '../../domain/errors.js';
import type { PayoutChannels } from '../../payments/payouts/payout-channel.js';
import type { AppServices, CommandMeta } from '../services.js';
import { payoutWithChannel, recordProviderAnswer, type CheckedPayout } from './check-payout.js';
import { payoutView } from './payout-view.js';

/**
 * An officer cancels a pending payout so its credit can be paid again. A provider that cancels
 * (WeChat Pay before the payee confirms, the sandbox gateway before it pays) is asked to; the
 * payout fails once the provider says it is cancelled, and stays pending while it is cancelling.
 * A provider that cannot (Alipay) is queried instead: the payout fails only when the provider
 * says it never paid (no such transfer, or FAIL). If the provider paid after all, that is
 * recorded (the loan's refund, once) and the cancel is refused.
 * Errors: PAYOUT_NOT_FOUND 404, PAYOUT_NOT_PENDING 409, PAYOUT_NOT_CANCELLABLE 422 (a bank
 * transfer: record its failure) or 409 (the provider refuses), PAYOUT_IN_FLIGHT 409 (the provider
 * is still paying), PAYOUT_ALREADY_PAID 409, CHANNEL_UNAVAILABLE 502.
 */
export async function cancelPayout(services: AppServices, channels: PayoutChannels, meta: CommandMeta, payoutId: string, reason: string): Promise<CheckedPayout> {
  const { view, channel } = await payoutWithChannel(services, channels, payoutId);
  if (view.status !== 'pending') {
    const hint = view.status === 'awaiting_approval' ? ': it was never sent; reject it instead (POST /v1/payouts/:id/rejection)' : '';
    throw new DomainError('PAYOUT_NOT_PENDING', `Payout is ${view.status}; only a pending payout can be cancelled${hint}`, 'conflict');
  }
  const ref = { payoutId, amount: view.amount, currency: view.currency };
  const answer = channel.cancel ? await channel.cancel(ref) : channel.query ? await channel.query(ref) : null;
  if (answer === null) {
    throw new DomainError('PAYOUT_NOT_CANCELLABLE', `a ${view.channel} payout is cancelled by recording its failure (POST /v1/payouts/${payoutId}/failure)`, 'rule');
  }
  const cancelled = `cancelled by ${meta.actor.sub} (${reason}): `;
  switch (answer.status) {
    case 'succeeded':
      await recordProviderAnswer(services, meta, channel, payoutId, answer);
      throw new DomainError('PAYOUT_ALREADY_PAID', `${view.channel} paid this payout under ${answer.channelReference}; the refund is recorded, nothing was cancelled`, 'conflict', { payoutId, channelReference: answer.channelReference });
    case 'failed':
      await recordProviderAnswer(services, meta, channel, payoutId, answer, cancelled);
      break;
    case 'unknown':
      await recordProviderAnswer(services, meta, channel, payoutId, {
        status: 'failed', providerState: answer.providerState, channelReference: null, at: services.clock.now().toISOString(),
        reason: `${view.channel} has no such transfer (${answer.providerState}), so it never paid`,
      }, cancelled);
      break;
    case 'pending':
      // The provider is cancelling (WeChat CANCELING): its notification or a later query ends it.
      if (channel.cancel) break;
      throw new DomainError('PAYOUT_IN_FLIGHT', `${view.channel} is still processing this payout (${answer.providerState}); query it again later`, 'conflict', { payoutId });
    default: {
      const unhandled: never = answer;
      return unhandled;
    }
  }
  return { payout: (await payoutView(services.eventStore, payoutId)) ?? view, providerState: answer.providerState };
}
