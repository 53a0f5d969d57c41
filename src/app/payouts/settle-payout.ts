import { Dec } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import { payoutDecider } from '../../domain/payout/decider.js';
import type { PayoutChannel } from '../../payments/payouts/payout-channel.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { checkLoanTakesRefund, payoutRefundCommand, recordPayoutRefund } from './payout-refund.js';
import { loadPayout, payoutStream, runPayoutCommand } from './payout-stream.js';

/** How a channel (or an officer for a bank transfer) says a payout ended. */
export interface PayoutSettlement {
  payoutId: string;
  status: 'succeeded' | 'failed';
  channelReference: string | null;
  /** ISO instant the transfer finished. */
  at: string;
  /** What the channel says it paid; checked against the payout when given. */
  amount?: string;
  failureReason: string | null;
}

/**
 * Settles a payout. The payout's own stream decides first: ConfirmPayout or FailPayout is appended
 * at the revision the payout was read at (a concurrent settlement makes the pipeline read it again
 * and decide again), so of a confirmation and a failure, or of two confirmations under different
 * references, exactly one wins and the others are refused having written nothing. Only then, and
 * only for a confirmed payout, the loan's RefundIssued is recorded from what the payout's stream
 * holds (reference = the winning channel reference, amount = the payout's; all the credit refunded
 * closes the loan). A failure records PayoutFailed only, the loan untouched.
 *
 * A crash between the two appends leaves a confirmed payout whose refund is not on the loan yet:
 * its credit stays reserved (refundableCredit), and the next settlement of that payout — the
 * provider's redelivery (it was never acknowledged), the officer's retry, a query or a cancel that
 * finds it paid — finds the payout already confirmed under that reference (a no-op) and records the
 * refund, once, through the loan's reference rule.
 *
 * Checks come before anything is written: PAYOUT_NOT_FOUND 404, PAYOUT_CHANNEL_MISMATCH 400,
 * PAYOUT_REFERENCE_REQUIRED 400, PAYOUT_AMOUNT_MISMATCH 422, PAYOUT_ALREADY_CONFIRMED 409 (another
 * reference), PAYOUT_CLOSED 409, and the loan's refund rules (asked before the payout is confirmed).
 * Whatever the loan does between that check and its write (a repayment bounces, a later one comes
 * in), it records a paid-out refund all the same (domain refund.ts: paidOutRefund), so a confirmed
 * payout always ends with its refund on the loan, once.
 */
export async function settlePayout(services: AppServices, meta: CommandMeta, channel: PayoutChannel, settlement: PayoutSettlement): Promise<CommandOutcome> {
  const loaded = await loadPayout(services.eventStore, settlement.payoutId);
  if (loaded === null) throw new DomainError('PAYOUT_NOT_FOUND', `no payout ${settlement.payoutId}`, 'not_found');
  const payout = loaded.state;
  if (payout.channel !== channel.name || payout.loanId === null || payout.amount === null) {
    throw new DomainError('PAYOUT_CHANNEL_MISMATCH', `payout ${settlement.payoutId} was not sent through ${channel.name}`, 'invalid');
  }
  if (settlement.status === 'failed') {
    return runPayoutCommand(services, meta, settlement.payoutId, {
      type: 'FailPayout', data: { channelReference: settlement.channelReference, reason: settlement.failureReason ?? 'failed at the channel', at: settlement.at },
    }, occurredAtFor(services));
  }
  const reference = settlement.channelReference;
  if (reference === null) throw new DomainError('PAYOUT_REFERENCE_REQUIRED', 'a confirmed payout needs the channel\'s reference', 'invalid');
  if (settlement.amount !== undefined && !new Dec(settlement.amount).equals(payout.amount)) {
    throw new DomainError('PAYOUT_AMOUNT_MISMATCH', `the channel paid ${settlement.amount}, the payout is for ${payout.amount}`, 'rule');
  }
  // A first confirmation the loan would refuse is refused before the payout records it.
  const refund = { loanId: payout.loanId, amount: payout.amount, channelReference: reference, at: settlement.at };
  if (payout.status === 'pending') await checkLoanTakesRefund(services, refund, channel.refundChannel);
  const { outcome, state } = await runCommand(services, {
    id: settlement.payoutId, streamId: payoutStream(settlement.payoutId), decider: payoutDecider, meta,
    command: { type: 'ConfirmPayout', data: { channelReference: reference, at: settlement.at, by: meta.actor.sub } },
    occurredAt: occurredAtFor(services, payoutRefundCommand(services, refund, channel.refundChannel).data.date),
  });
  // The payout's stream said this confirmation (or the same one before it) stands: the loan records it.
  if (state.status !== 'confirmed') throw new Error(`settlePayout: payout ${settlement.payoutId} is ${state.status} after its confirmation`);
  const recorded = await recordPayoutRefund(services, meta, state, channel.refundChannel);
  return { ...outcome, position: outcome.position > recorded.position ? outcome.position : recorded.position };
}
