import { DomainError } from '../../domain/errors.js';
import type { ReceiveRecovery, ReceiveRepayment } from '../../domain/loan/commands.js';
import { recordBankTransaction } from '../payments/bank-transaction-stream.js';
import type { Channel, RepaymentReversed } from '../../domain/loan/events.js';
import type { PrepaymentOverride } from '../../domain/loan/state.js';
import type { EventStore } from '../../eventstore/port.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { loanStream } from '../streams.js';
import { checkLoanCommand, runLoanCommand } from './run-loan-command.js';

export interface PaymentInput {
  amount: string;
  channel: Channel;
  reference: string;
  effectiveDate?: string;
}

export interface RepaymentInput extends PaymentInput {
  /** Overrides the product's prepaymentStrategy for this payment. */
  prepayment?: PrepaymentOverride;
  /** Present when staff keyed the amount in: beyond the payoff only with the overpayment confirmed (see ReceiveRepayment). */
  keyed?: { overpaymentConfirmed: boolean };
}

type PaymentEvent = 'RepaymentReceived' | 'RecoveryReceived' | 'RefundIssued';

/**
 * Where the event that first recorded `reference` sits, so a replayed reference answers with the
 * first result rather than the stream's current revision. Only replays pay for this scan.
 */
export async function firstRecording(store: EventStore, loanId: string, type: PaymentEvent, reference: string): Promise<{ revision: bigint; position: bigint } | null> {
  const events = await store.readStream(loanStream(loanId));
  const index = events.findIndex((e) => e.type === type && (e.data as { reference?: unknown }).reference === reference);
  if (index < 0) return null;
  // The first answer named the last event its command appended (a closing or overpaid event may follow).
  let last = index;
  while (last + 1 < events.length && events[last + 1]!.correlationId === events[index]!.correlationId && events[last + 1]!.recordedAt === events[index]!.recordedAt) last += 1;
  return { revision: events[last]!.revision, position: events[last]!.position };
}

/**
 * A reference whose repayment was reversed is not a payment to acknowledge again: the same request
 * resent is 409 REPAYMENT_REVERSED, naming the reference and the reversal's date (a still-valid
 * payment resent stays a 200 replay). Only replays pay for this scan.
 */
async function refuseReversed(store: EventStore, loanId: string, reference: string): Promise<void> {
  const events = await store.readStream(loanStream(loanId));
  const reversal = events.find((e) => e.type === 'RepaymentReversed' && (e.data as RepaymentReversed['data']).reference === reference);
  if (reversal === undefined) return;
  const { effectiveDate } = reversal.data as RepaymentReversed['data'];
  throw new DomainError(
    'REPAYMENT_REVERSED', `Repayment ${reference} was reversed on ${effectiveDate} (recorded ${reversal.recordedAt}); a reversed payment is not recorded again under its reference`, 'conflict',
    { reference, reversedOn: effectiveDate },
  );
}

async function collect(services: AppServices, meta: CommandMeta, loanId: string, input: RepaymentInput, type: PaymentEvent): Promise<CommandOutcome> {
  const effectiveDate = input.effectiveDate ?? businessToday(services);
  const data = { amount: input.amount, channel: input.channel, reference: input.reference, effectiveDate };
  const command = type === 'RepaymentReceived'
    ? { type: 'ReceiveRepayment' as const, data: { ...data, ...(input.prepayment ? { prepayment: input.prepayment } : {}), ...(input.keyed ? { keyed: input.keyed } : {}) } }
    : { type: 'ReceiveRecovery' as const, data };
  // A bank transfer's reference is the bank's transaction id (the statements' bank_txn_id): one credit, on one loan.
  if (input.channel === 'bank_transfer') await claimBankTransaction(services, meta, loanId, command, effectiveDate);
  const { outcome, replayed } = await runLoanCommand(services, meta, loanId, command, occurredAtFor(services, effectiveDate));
  if (outcome.created || replayed) return outcome;
  if (type === 'RepaymentReceived') await refuseReversed(services.eventStore, loanId, input.reference);
  const first = await firstRecording(services.eventStore, loanId, type, input.reference);
  return first ? { ...outcome, ...first } : outcome;
}

/**
 * Puts a keyed bank transfer's bank transaction (`banktxn-<reference>`) on this loan before its money
 * is recorded, as a statement line does: the loan is asked first (writing nothing: its refusals, a
 * stale If-Match and a reused Idempotency-Key answer and nothing is claimed), then the bank transaction's stream is appended at the revision it was read
 * at (a statement importing the same id at the same instant makes one of them decide again and lose:
 * BANK_TXN_ON_OTHER_LOAN / BANK_TXN_AMOUNT_DIFFERS 409), and only then the money goes on the loan.
 * A crash after the claim leaves the transaction this loan's with no money yet: the next attempt of
 * the same reference (or a statement line naming this loan) finds the claim its own and records it, once.
 */
async function claimBankTransaction(services: AppServices, meta: CommandMeta, loanId: string, command: ReceiveRepayment | ReceiveRecovery, date: string): Promise<void> {
  const { amount, reference } = command.data;
  const loan = await checkLoanCommand(services, meta, loanId, command);
  // The same request again under its Idempotency-Key: its first attempt made the claim.
  if (loan.replay) return;
  await recordBankTransaction(services, meta, { bankTxnId: reference, loanId, amount, currency: loan.state.currency, date });
}

/**
 * Applies a repayment once per reference: the same request again answers with the first result;
 * another amount, date, channel or prepayment under it is 409 DUPLICATE_REFERENCE; the reference
 * of a reversed repayment is 409 REPAYMENT_REVERSED.
 */
export function receiveRepayment(services: AppServices, meta: CommandMeta, loanId: string, input: RepaymentInput): Promise<CommandOutcome> {
  return collect(services, meta, loanId, input, 'RepaymentReceived');
}

/** Records money recovered on a written-off loan, once per reference, like a repayment. */
export function receiveRecovery(services: AppServices, meta: CommandMeta, loanId: string, input: PaymentInput): Promise<CommandOutcome> {
  return collect(services, meta, loanId, input, 'RecoveryReceived');
}
