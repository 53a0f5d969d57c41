import type { Channel } from '../../domain/loan/events.js';
import type { PrepaymentOverride } from '../../domain/loan/state.js';
import type { EventStore } from '../../eventstore/port.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { loanStream } from '../streams.js';
import { runLoanCommand } from './run-loan-command.js';

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

async function collect(services: AppServices, meta: CommandMeta, loanId: string, input: RepaymentInput, type: PaymentEvent): Promise<CommandOutcome> {
  const effectiveDate = input.effectiveDate ?? businessToday(services);
  const data = { amount: input.amount, channel: input.channel, reference: input.reference, effectiveDate };
  const command = type === 'RepaymentReceived'
    ? { type: 'ReceiveRepayment' as const, data: { ...data, ...(input.prepayment ? { prepayment: input.prepayment } : {}), ...(input.keyed ? { keyed: input.keyed } : {}) } }
    : { type: 'ReceiveRecovery' as const, data };
  const { outcome, replayed } = await runLoanCommand(services, meta, loanId, command, occurredAtFor(services, effectiveDate));
  if (outcome.created || replayed) return outcome;
  const first = await firstRecording(services.eventStore, loanId, type, input.reference);
  return first ? { ...outcome, ...first } : outcome;
}

/** Applies a repayment once per reference: the same request again answers with the first result; another amount, date, channel or prepayment under it is 409 DUPLICATE_REFERENCE. */
export function receiveRepayment(services: AppServices, meta: CommandMeta, loanId: string, input: RepaymentInput): Promise<CommandOutcome> {
  return collect(services, meta, loanId, input, 'RepaymentReceived');
}

/** Records money recovered on a written-off loan, once per reference, like a repayment. */
export function receiveRecovery(services: AppServices, meta: CommandMeta, loanId: string, input: PaymentInput): Promise<CommandOutcome> {
  return collect(services, meta, loanId, input, 'RecoveryReceived');
}
