import { answersRequest, findSeenRequest } from '../../commands/idempotency-lookup.js';
import { DomainError } from '../../domain/errors.js';
import { minorUnits, Money } from '../../domain/money.js';
import type { Payee, PayoutChannel as PayoutChannelName } from '../../domain/payout/events.js';
import type { PayoutStatus } from '../../domain/payout/state.js';
import { uuidv7 } from '../../eventstore/uuidv7.js';
import type { PayoutChannel, PayoutChannels } from '../../payments/payouts/payout-channel.js';
import { occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { loadPayout, reservePayout, runPayoutCommand } from './payout-stream.js';
import { refundableCredit } from './refundable-credit.js';

export interface RefundPayoutInput {
  /** Decimal string; the whole free credit when absent. */
  amount?: string | null;
  channel: PayoutChannelName;
  payee?: Payee | null;
}

export interface StartedPayout {
  outcome: CommandOutcome;
  /** Where the payout stands: waiting for approval once started; after approval, as the channel answered (a provider may confirm at once). */
  status: Exclude<PayoutStatus, 'none'>;
  amount: string;
  currency: string;
  /** A page that settles the payout (the sandbox gateway's); null otherwise. */
  actionUrl: string | null;
}

/** The channel, or 422 CHANNEL_NOT_CONFIGURED. */
export function configuredPayoutChannel(channels: PayoutChannels, name: PayoutChannelName): PayoutChannel {
  const channel = channels.get(name);
  if (!channel) throw new DomainError('CHANNEL_NOT_CONFIGURED', `the ${name} payout channel is not configured on this server`, 'rule');
  return channel;
}

/**
 * An officer starts paying back an overpaid loan's credit balance through a channel: the amount
 * (default: all the credit not already promised to a pending payout) is reserved on the loan's
 * desk and PayoutCreated goes on the payout's own stream, waiting for a second person's approval
 * (approvePayout), which asks the channel to pay. Nothing is recorded on the loan until the
 * channel confirms. Errors: LOAN_NOT_FOUND 404; the amount by the
 * one money rule (INVALID_AMOUNT, NEGATIVE_AMOUNT, AMOUNT_TOO_PRECISE 400, naming `amount`) whatever
 * the loan's state; CHANNEL_NOT_CONFIGURED 422, PAYEE_REQUIRED 400, LOAN_NOT_OVERPAID 409,
 * REFUND_EXCEEDS_CREDIT 422, the channel's own refusals (PAYEE_NAME_REQUIRED 422), PAYOUT_CONCURRENT 409,
 * a provider failure 502.
 */
export async function startRefundPayout(services: AppServices, channels: PayoutChannels, meta: CommandMeta, loanId: string, input: RefundPayoutInput): Promise<StartedPayout> {
  const refundable = await refundableCredit(services, loanId);
  if (refundable === null) throw new DomainError('LOAN_NOT_FOUND', 'Loan does not exist', 'not_found');
  const asked = input.amount ? Money.parse(input.amount, refundable.loan.currency).amount : null;
  const channel = configuredPayoutChannel(channels, input.channel);
  if (channel.needsPayee && !input.payee) throw new DomainError('PAYEE_REQUIRED', `a ${channel.name} payout needs the payee's account`, 'invalid');
  if (meta.idempotencyKey) {
    const seen = await findSeenRequest(services.eventStore, meta, meta.idempotencyKey);
    const payoutId = seen?.streamId.startsWith('payout-') ? seen.streamId.slice('payout-'.length) : null;
    const earlier = payoutId === null ? null : await loadPayout(services.eventStore, payoutId);
    if (earlier !== null && seen !== null && answersRequest(seen, meta.requestHash)) return startedFrom(earlier, { id: earlier.state.payoutId ?? '', revision: seen.revision, position: seen.position, created: false });
  }
  const { loan, credit, free, seen } = refundable;
  if (loan.status !== 'overpaid' || loan.customerId === null) throw new DomainError('LOAN_NOT_OVERPAID', `Loan is ${loan.status}, not overpaid`, 'conflict');
  const places = minorUnits(loan.currency);
  const amount = asked ?? free;
  if (!amount.gt(0)) throw new DomainError('REFUND_EXCEEDS_CREDIT', `No credit is left to refund (${credit.toFixed(places)} credit, all promised to pending payouts)`, 'rule', { credit: credit.toFixed(places), free: free.toFixed(places) });
  if (amount.gt(free)) {
    throw new DomainError('REFUND_EXCEEDS_CREDIT', `Refund ${amount.toFixed(places)} exceeds the ${free.toFixed(places)} of credit free to refund`, 'rule', { credit: credit.toFixed(places), free: free.toFixed(places) });
  }
  const recorded = amount.toFixed(places);
  channel.validate?.({ amount: recorded, currency: loan.currency, payee: input.payee ?? null });
  const now = services.clock.now();
  const payoutId = uuidv7(now.getTime());
  await reservePayout(services, meta, loanId, { type: 'ReservePayout', data: { payoutId, amount: recorded, seen } }, now.toISOString());
  const outcome = await runPayoutCommand(services, meta, payoutId, {
    type: 'CreatePayout',
    data: {
      payoutId, loanId, customerId: loan.customerId, amount: recorded, currency: loan.currency, channel: input.channel, payee: input.payee ?? null,
      createdAt: now.toISOString(), requestedBy: meta.actor.sub,
    },
  }, occurredAtFor(services)); // business time: the reconciliation dates the request by the lender's day
  // Four eyes: nothing is sent until a second person approves it (approvePayout).
  return { outcome, status: 'awaiting_approval', amount: recorded, currency: loan.currency, actionUrl: null };
}

function startedFrom(loaded: NonNullable<Awaited<ReturnType<typeof loadPayout>>>, outcome: CommandOutcome): StartedPayout {
  const s = loaded.state;
  return { outcome, status: s.status === 'none' ? 'pending' : s.status, amount: s.amount ?? '', currency: s.currency ?? '', actionUrl: null };
}
