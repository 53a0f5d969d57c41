import { DomainError } from '../../domain/errors.js';
import { payoffOwedOn } from '../../domain/loan/penalties-owed-by.js';
import { minorUnits, Money } from '../../domain/money.js';
import type { IntentChannel } from '../../domain/payment/events.js';
import { uuidv7 } from '../../eventstore/uuidv7.js';
import type { PaymentAction, PaymentChannels } from '../../payments/channel.js';
import { currentLoanState } from '../queries/loan-time-travel.js';
import { businessToday, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { runPaymentCommand } from './payment-stream.js';

export interface PaymentIntentInput {
  amount: string;
  channel: IntentChannel;
}

export interface CreatedIntent {
  outcome: CommandOutcome;
  /** The amount as recorded: rounded to the currency's minor unit. */
  amount: string;
  currency: string;
  expiresAt: string;
  action: PaymentAction;
}

const REPAYABLE = new Set(['active', 'overdue']);

/** The channel, or 422 CHANNEL_NOT_CONFIGURED. */
export function configuredChannel(channels: PaymentChannels, name: IntentChannel) {
  const channel = channels.get(name);
  if (!channel) throw new DomainError('CHANNEL_NOT_CONFIGURED', `the ${name} channel is not configured on this server`, 'rule');
  return channel;
}

/**
 * Starts a payment on a repayable loan: records PaymentIntentCreated (pending, expiring after
 * `ttlMinutes`) on its own stream, then asks the channel for what the payer must see. Errors, in
 * this order: LOAN_NOT_FOUND 404; the amount by the one money rule (INVALID_AMOUNT, NEGATIVE_AMOUNT,
 * AMOUNT_TOO_PRECISE 400, naming `amount`), whatever the loan's state; CHANNEL_NOT_CONFIGURED 422;
 * LOAN_NOT_REPAYABLE 409; AMOUNT_EXCEEDS_PAYOFF 422 (more than pays the loan off today); a provider
 * failure 502.
 */
export async function createPaymentIntent(
  services: AppServices,
  channels: PaymentChannels,
  ttlMinutes: number,
  meta: CommandMeta,
  loanId: string,
  input: PaymentIntentInput,
): Promise<CreatedIntent> {
  const loan = await currentLoanState(services.eventStore, loanId);
  if (loan === null || loan.customerId === null) throw new DomainError('LOAN_NOT_FOUND', 'Loan does not exist', 'not_found');
  const amount = Money.parse(input.amount, loan.currency).amount;
  const channel = configuredChannel(channels, input.channel);
  if (!REPAYABLE.has(loan.status)) throw new DomainError('LOAN_NOT_REPAYABLE', `a ${loan.status} loan takes no payments`, 'conflict');
  // A borrower pays what is owed, never more: the payoff on today's business date is the ceiling.
  const payoff = payoffOwedOn(loan, businessToday(services));
  if (amount.gt(payoff.total)) {
    throw new DomainError('AMOUNT_EXCEEDS_PAYOFF', `amount ${amount.toFixed(minorUnits(loan.currency))} is more than ${payoff.total}, the payoff today`, 'rule', { payoff: payoff.total });
  }
  const now = services.clock.now();
  const intentId = uuidv7(now.getTime());
  const recorded = amount.toFixed(minorUnits(loan.currency));
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000).toISOString();
  const outcome = await runPaymentCommand(services, meta, intentId, {
    type: 'CreateIntent',
    data: {
      intentId, loanId, customerId: loan.customerId, amount: recorded, currency: loan.currency,
      channel: input.channel, createdAt: now.toISOString(), expiresAt,
    },
  }, now.toISOString());
  const action = await channel.createOrder({
    intentId, amount: recorded, currency: loan.currency, subject: `Loan ${loanId} repayment`, expiresAt,
  });
  return { outcome, amount: recorded, currency: loan.currency, expiresAt, action };
}
