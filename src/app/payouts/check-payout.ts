import { DomainError } from '../../domain/errors.js';
import type { PayoutChannel, PayoutChannels, PayoutStatusAnswer } from '../../payments/payouts/payout-channel.js';
import type { AppServices, CommandMeta } from '../services.js';
import { payoutView, type PayoutView } from './payout-view.js';
import { settlePayout } from './settle-payout.js';
import { configuredPayoutChannel } from './start-refund-payout.js';

/** A payout after the provider was asked about it, with the provider's own word for its state. */
export interface CheckedPayout {
  payout: PayoutView;
  providerState: string;
}

/** The payout and the channel it went out through: PAYOUT_NOT_FOUND 404, CHANNEL_NOT_CONFIGURED 422. */
export async function payoutWithChannel(services: AppServices, channels: PayoutChannels, payoutId: string): Promise<{ view: PayoutView; channel: PayoutChannel }> {
  const view = await payoutView(services.eventStore, payoutId);
  if (view === null) throw new DomainError('PAYOUT_NOT_FOUND', `no payout ${payoutId}`, 'not_found');
  return { view, channel: configuredPayoutChannel(channels, view.channel) };
}

/**
 * Records what the provider answered through the path its notification takes (settlePayout): a
 * payment records the loan's RefundIssued once per reference, a failure frees the credit; a
 * payout still in flight, or one the provider never received, records nothing. An Idempotency-Key
 * belongs to the officer's request, not to the settlement's streams, so it is left out.
 */
export async function recordProviderAnswer(services: AppServices, meta: CommandMeta, channel: PayoutChannel, payoutId: string, answer: PayoutStatusAnswer, reasonPrefix = ''): Promise<void> {
  const { idempotencyKey: _key, requestHash: _hash, expectedRevision: _rev, ...settlementMeta } = meta;
  if (answer.status === 'succeeded') {
    await settlePayout(services, settlementMeta, channel, {
      payoutId, status: 'succeeded', channelReference: answer.channelReference, at: answer.at, failureReason: null, ...(answer.amount === null ? {} : { amount: answer.amount }),
    });
  } else if (answer.status === 'failed') {
    await settlePayout(services, settlementMeta, channel, { payoutId, status: 'failed', channelReference: answer.channelReference, at: answer.at, failureReason: `${reasonPrefix}${answer.reason}` });
  }
}

/**
 * An officer asks the provider where a payout stands (Alipay alipay.fund.trans.common.query,
 * WeChat Pay's transfer-bill query by out_bill_no, the sandbox gateway's ledger) and the answer
 * is recorded as a notification would be. Errors: PAYOUT_NOT_FOUND 404, PAYOUT_NOT_APPROVED 409 (never sent), PAYOUT_NOT_QUERYABLE 422
 * (a bank transfer: an officer settles it), CHANNEL_UNAVAILABLE 502, and settlePayout's.
 */
export async function queryPayout(services: AppServices, channels: PayoutChannels, meta: CommandMeta, payoutId: string): Promise<CheckedPayout> {
  const { view, channel } = await payoutWithChannel(services, channels, payoutId);
  if (view.status === 'awaiting_approval') throw new DomainError('PAYOUT_NOT_APPROVED', 'Payout waits for a second person\'s approval: nothing was sent, so there is nothing to ask the provider', 'conflict');
  if (!channel.query) throw new DomainError('PAYOUT_NOT_QUERYABLE', `a ${view.channel} payout has no provider to ask; confirm it or record its failure by hand`, 'rule');
  const answer = await channel.query({ payoutId, amount: view.amount, currency: view.currency });
  await recordProviderAnswer(services, meta, channel, payoutId, answer);
  return { payout: (await payoutView(services.eventStore, payoutId)) ?? view, providerState: answer.providerState };
}
