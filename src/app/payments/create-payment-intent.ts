import { answersRequest, findSeenRequest } from '../../commands/idempotency-lookup.js';
import { DomainError } from '../../domain/errors.js';
import { lenderTime } from '../business-date.js';
import { payoffOwedOn } from '../../domain/loan/penalties-owed-by.js';
import { minorUnits, Money } from '../../domain/money.js';
import type { IntentChannel } from '../../domain/payment/events.js';
import { uuidv7 } from '../../eventstore/uuidv7.js';
import type { PaymentAction, PaymentChannel, PaymentChannels } from '../../payments/channel.js';
import { currentLoanState } from '../queries/loan-time-travel.js';
import { businessToday, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { openIntentOfLoan, reserveIntent, type OpenIntent } from './intent-desk.js';
import { paymentIntentView } from './payment-intent-view.js';
import { paymentStream, runPaymentCommand } from './payment-stream.js';
import { processReplayMemo } from '../../commands/bounded-replay-memo.js';

export interface PaymentIntentInput {
  amount: string;
  channel: IntentChannel;
}

export interface CreatedIntent {
  outcome: CommandOutcome;
  /** Always pending, except for the intent a replayed Idempotency-Key answers, as it stands now. */
  status: 'pending' | 'confirmed' | 'failed' | 'expired';
  /** The amount as recorded: rounded to the currency's minor unit. */
  amount: string;
  currency: string;
  expiresAt: string;
  /** What the payer does; null once the intent is no longer pending (only a replayed key answers such an intent). */
  action: PaymentAction | null;
}

const REPAYABLE = new Set(['active', 'overdue']);

/** The channel, or 422 CHANNEL_NOT_CONFIGURED. */
export function configuredChannel(channels: PaymentChannels, name: IntentChannel) {
  const channel = channels.get(name);
  if (!channel) throw new DomainError('CHANNEL_NOT_CONFIGURED', `the ${name} channel is not configured on this server`, 'rule');
  return channel;
}

const subjectOf = (loanId: string) => `Loan ${loanId} repayment`;

/**
 * The answer to a request while the loan has an open intent: the same amount through the same
 * channel is the same payment (a double tap, a retry after a slow page), answered with the open
 * intent (created false) and its channel action asked again for the same order; anything else is
 * PAYMENT_INTENT_OPEN 409 naming it (its expiry on the lender's clock) and how to cancel it, and one whose stream is not written yet PAYMENT_INTENT_CONCURRENT 409.
 */
async function answerOpenIntent(channel: PaymentChannel, open: OpenIntent, recorded: string, input: PaymentIntentInput, loanId: string, currency: string, timeZone?: string): Promise<CreatedIntent> {
  const { opened } = open;
  if (opened.amount !== recorded || opened.channel !== input.channel) {
    throw new DomainError('PAYMENT_INTENT_OPEN',
      `payment intent ${opened.intentId} (${opened.amount} ${currency} through ${opened.channel}) is still open on this loan until ${lenderTime(opened.expiresAt, timeZone)}: pay it, cancel it (POST /v1/payment-intents/${opened.intentId}/cancellation) or let it expire before starting another`,
      'conflict', { intentId: opened.intentId, amount: opened.amount, channel: opened.channel, expiresAt: opened.expiresAt });
  }
  if (open.stream === null) {
    throw new DomainError('PAYMENT_INTENT_CONCURRENT', `payment intent ${opened.intentId} is being started on this loan right now; look at it before paying again`, 'conflict', { intentId: opened.intentId });
  }
  const action = await channel.createOrder({ intentId: opened.intentId, amount: opened.amount, currency, subject: subjectOf(loanId), expiresAt: opened.expiresAt });
  return {
    outcome: { id: opened.intentId, revision: open.stream.revision, position: open.stream.position, created: false },
    status: 'pending', amount: opened.amount, currency, expiresAt: opened.expiresAt, action,
  };
}

/**
 * The answer to an Idempotency-Key this caller already started an intent with (null for a new key):
 * that intent as it stands now (created false), never a new one, so a retry can neither reserve
 * another intent nor have a channel place another order. A pending intent's action is asked again
 * for its own order, as for a double tap; a confirmed, failed or expired one has no action, and a
 * new attempt takes a new key (as Stripe's keys do). Another body under the key is
 * IDEMPOTENCY_KEY_REUSED 422, as for every command.
 */
async function answerKeyedIntent(services: AppServices, channels: PaymentChannels, meta: CommandMeta, loanId: string): Promise<CreatedIntent | null> {
  if (!meta.idempotencyKey) return null;
  const seen = await findSeenRequest(services.eventStore, meta, meta.idempotencyKey);
  if (seen === null) return null;
  const view = answersRequest(seen, meta.requestHash) && seen.streamId.startsWith(paymentStream(''))
    ? await paymentIntentView(services.eventStore, seen.streamId.slice(paymentStream('').length), services.clock.now())
    : null;
  if (view === null || view.loanId !== loanId) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'this idempotency key was used for a different request', 'rule', { idempotencyKey: meta.idempotencyKey });
  }
  const action = view.status === 'pending'
    ? await configuredChannel(channels, view.channel).createOrder({ intentId: view.id, amount: view.amount, currency: view.currency, subject: subjectOf(loanId), expiresAt: view.expiresAt })
    : null;
  return {
    outcome: { id: view.id, revision: BigInt(view.revision), position: BigInt(view.position), created: false },
    status: view.status, amount: view.amount, currency: view.currency, expiresAt: view.expiresAt, action,
  };
}

/**
 * Starts a payment on a repayable loan: takes it onto the loan's intent desk, records
 * PaymentIntentCreated (pending, expiring after `ttlMinutes`) on its own stream, then asks the
 * channel for what the payer must see. A loan has at most one open intent, so money promised to a
 * channel never exceeds what the loan owed when it was promised: while one is open, the same amount
 * and channel answers that intent (created false), anything else PAYMENT_INTENT_OPEN 409. Errors, in
 * this order: LOAN_NOT_FOUND 404; the amount by the one money rule (INVALID_AMOUNT, NEGATIVE_AMOUNT,
 * AMOUNT_TOO_PRECISE 400, naming `amount`), whatever the loan's state; CHANNEL_NOT_CONFIGURED 422;
 * LOAN_NOT_REPAYABLE 409; PAYMENT_INTENT_OPEN / PAYMENT_INTENT_CONCURRENT 409; AMOUNT_EXCEEDS_PAYOFF
 * 422 (more than pays the loan off today); a provider failure 502. An Idempotency-Key already used
 * by this caller answers the intent it started, whatever has happened to it since (answerKeyedIntent).
 */
export async function createPaymentIntent(
  services: AppServices,
  channels: PaymentChannels,
  ttlMinutes: number,
  meta: CommandMeta,
  loanId: string,
  input: PaymentIntentInput,
  attempt = 0,
): Promise<CreatedIntent> {
  const loan = await currentLoanState(services.eventStore, loanId);
  if (loan === null || loan.customerId === null) throw new DomainError('LOAN_NOT_FOUND', 'Loan does not exist', 'not_found');
  // Before the loan's state is judged: a key answers its intent even once the loan is paid off.
  const keyed = await answerKeyedIntent(services, channels, meta, loanId);
  if (keyed !== null) return keyed;
  const amount = Money.parse(input.amount, loan.currency).amount;
  const channel = configuredChannel(channels, input.channel);
  if (!REPAYABLE.has(loan.status)) throw new DomainError('LOAN_NOT_REPAYABLE', `a ${loan.status} loan takes no payments`, 'conflict');
  const recorded = amount.toFixed(minorUnits(loan.currency));
  const now = services.clock.now();
  const { open, seen } = await openIntentOfLoan(services.eventStore, loanId, now);
  if (open !== null) return answerOpenIntent(channel, open, recorded, input, loanId, loan.currency, services.clock.timeZone);
  // A borrower pays what is owed, never more: the payoff on today's business date is the ceiling.
  const payoff = payoffOwedOn(loan, businessToday(services), processReplayMemo);
  if (amount.gt(payoff.total)) {
    throw new DomainError('AMOUNT_EXCEEDS_PAYOFF', `amount ${amount.toFixed(minorUnits(loan.currency))} is more than ${payoff.total}, the payoff today`, 'rule', { payoff: payoff.total });
  }
  const intentId = uuidv7(now.getTime());
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000).toISOString();
  try {
    await reserveIntent(services, meta, loanId, { type: 'OpenIntentOnDesk', data: { intentId, amount: recorded, channel: input.channel, expiresAt, seen } }, now.toISOString());
  } catch (error) {
    // Another request took the desk first: look again, once, so an identical one is answered with it.
    if (attempt === 0 && error instanceof DomainError && error.code === 'PAYMENT_INTENT_CONCURRENT') {
      return createPaymentIntent(services, channels, ttlMinutes, meta, loanId, input, 1);
    }
    throw error;
  }
  const outcome = await runPaymentCommand(services, meta, intentId, {
    type: 'CreateIntent',
    data: {
      intentId, loanId, customerId: loan.customerId, amount: recorded, currency: loan.currency,
      channel: input.channel, createdAt: now.toISOString(), expiresAt,
    },
  }, now.toISOString());
  if (outcome.id !== intentId) {
    // Another request under this key recorded its intent after we looked (and that intent closed
    // before we read the desk): answer it, and place no order for ours.
    const keyedLate = await answerKeyedIntent(services, channels, meta, loanId);
    if (keyedLate !== null) return keyedLate;
  }
  const action = await channel.createOrder({
    intentId, amount: recorded, currency: loan.currency, subject: subjectOf(loanId), expiresAt,
  });
  return { outcome, status: 'pending', amount: recorded, currency: loan.currency, expiresAt, action };
}
