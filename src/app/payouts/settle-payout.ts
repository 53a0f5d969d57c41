import { Dec } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import type { PayoutChannel } from '../../payments/payouts/payout-channel.js';
import { businessDateAt } from '../business-date.js';
import { refundOverpayment } from '../loans/service-loan.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { loadPayout, runPayoutCommand } from './payout-stream.js';

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
 * Settles a payout. A success records the loan's RefundIssued (reference = the channel's
 * reference, so a redelivery records nothing new; all the credit refunded closes the loan), then
 * PayoutConfirmed; a failure records PayoutFailed only, the loan untouched. Checks come before
 * anything is written: PAYOUT_NOT_FOUND 404, PAYOUT_CHANNEL_MISMATCH 400, PAYOUT_AMOUNT_MISMATCH 422,
 * PAYOUT_ALREADY_CONFIRMED 409 (another reference), PAYOUT_CLOSED 409, and the loan's refund rules.
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
  if (payout.status === 'failed') throw new DomainError('PAYOUT_CLOSED', 'Payout already failed; start a new one', 'conflict');
  if (payout.status === 'confirmed' && payout.confirmation?.channelReference !== reference) {
    throw new DomainError('PAYOUT_ALREADY_CONFIRMED', `Payout was already confirmed under ${payout.confirmation?.channelReference ?? '?'}`, 'conflict');
  }
  const finished = new Date(settlement.at);
  const today = businessToday(services);
  const finishedOn = Number.isNaN(finished.getTime()) ? today : businessDateAt(finished, services.clock.timeZone);
  const date = finishedOn < today ? finishedOn : today;
  const refund = await refundOverpayment(services, meta, payout.loanId, { amount: payout.amount, channel: channel.refundChannel, reference, effectiveDate: date, paidOut: true });
  const confirmed = await runPayoutCommand(services, meta, settlement.payoutId, {
    type: 'ConfirmPayout', data: { channelReference: reference, at: settlement.at, by: meta.actor.sub },
  }, occurredAtFor(services, date));
  return { ...confirmed, position: confirmed.position > refund.position ? confirmed.position : refund.position };
}
