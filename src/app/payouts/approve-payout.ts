import { DomainError } from '../../domain/errors.js';
import type { PayoutChannels } from '../../payments/payouts/payout-channel.js';
import { occurredAtFor, type AppServices, type CommandMeta } from '../services.js';
import { runPayoutCommand } from './payout-stream.js';
import { payoutView, type PayoutView } from './payout-view.js';
import { settlePayout } from './settle-payout.js';
import { configuredPayoutChannel, type StartedPayout } from './start-refund-payout.js';

/** The payout as approval leaves it, with the channel it goes out through. */
export type ApprovedPayout = StartedPayout & { channel: PayoutView['channel'] };

/**
 * Second half of four eyes on money out: someone other than its maker approves a payout waiting
 * for approval (PayoutApproved), and only then is its channel asked to pay, exactly as started
 * (amount, payee). A provider may confirm or refuse at once; otherwise it stays pending until the
 * channel settles it. Approving it again is a no-op that answers where it stands.
 * Errors: PAYOUT_NOT_FOUND 404; FOUR_EYES_REQUIRED 422 (its maker); PAYOUT_NOT_AWAITING_APPROVAL
 * 409 (rejected, or sent before four eyes); CHANNEL_NOT_CONFIGURED 422; a provider failure 502 (the
 * payout stays pending, named, for an officer to follow up).
 */
export async function approvePayout(services: AppServices, channels: PayoutChannels, meta: CommandMeta, payoutId: string): Promise<ApprovedPayout> {
  const view = await payoutView(services.eventStore, payoutId);
  if (view === null) throw new DomainError('PAYOUT_NOT_FOUND', `no payout ${payoutId}`, 'not_found');
  const channel = configuredPayoutChannel(channels, view.channel);
  const now = services.clock.now();
  const outcome = await runPayoutCommand(services, meta, payoutId, { type: 'ApprovePayout', data: { approvedBy: meta.actor.sub, at: now.toISOString() } }, occurredAtFor(services));
  const answer = { amount: view.amount, currency: view.currency, channel: view.channel };
  if (!outcome.created) {
    const current = (await payoutView(services.eventStore, payoutId)) ?? view;
    return { outcome, status: current.status, ...answer, actionUrl: null };
  }
  let submission;
  try {
    submission = await channel.submit({ payoutId, amount: view.amount, currency: view.currency, payee: view.payee, remark: `Loan ${view.loanId} refund`.slice(0, 32) });
  } catch (error) {
    // The payout stays pending (the provider may still have paid); name it so an officer can follow it up.
    if (error instanceof DomainError) throw new DomainError(error.code, `${error.message} (payout ${payoutId} stays pending)`, error.kind, { ...error.details, payoutId });
    throw error;
  }
  const system = { actor: { sub: `channel:${channel.name}`, role: 'system' as const }, correlationId: meta.correlationId };
  if (submission.status === 'pending') return { outcome, status: 'pending', ...answer, actionUrl: submission.actionUrl };
  const settled = submission.status === 'confirmed'
    ? await settlePayout(services, system, channel, { payoutId, status: 'succeeded', channelReference: submission.channelReference, at: submission.at, failureReason: null })
    : await settlePayout(services, system, channel, { payoutId, status: 'failed', channelReference: submission.channelReference, at: now.toISOString(), failureReason: submission.reason });
  return { outcome: { ...outcome, position: settled.position }, status: submission.status, ...answer, actionUrl: null };
}
