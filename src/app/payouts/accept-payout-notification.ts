import type { InboundNotification } from '../../payments/channel.js';
import type { PayoutChannel, VerifiedPayoutNotification } from '../../payments/payouts/payout-channel.js';
import { DomainError } from '../../domain/errors.js';
import type { AppServices } from '../services.js';
import { settlePayout } from './settle-payout.js';

/**
 * Handles a channel's payout notification: verifies it (NOTIFICATION_* 4xx, nothing recorded),
 * then settles the payout as the channel. Returns only once everything is recorded, so the caller
 * may acknowledge the provider.
 */
export async function acceptPayoutNotification(services: AppServices, channel: PayoutChannel, inbound: InboundNotification, correlationId: string): Promise<VerifiedPayoutNotification> {
  if (!channel.verifyNotification) throw new DomainError('CHANNEL_SENDS_NO_NOTIFICATIONS', `the ${channel.name} payout channel sends no notifications`, 'invalid');
  const n = await channel.verifyNotification(inbound);
  await settlePayout(services, { actor: { sub: `channel:${channel.name}`, role: 'system' }, correlationId }, channel, {
    payoutId: n.payoutId, status: n.status, channelReference: n.channelReference, at: n.at, amount: n.amount, failureReason: n.failureReason,
  });
  return n;
}
