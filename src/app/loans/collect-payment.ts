import type { Channel } from '../../domain/loan/events.js';
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

type PaymentEvent = 'RepaymentReceived' | 'RecoveryReceived';

/**
 * Where the event that first recorded `reference` sits, so a replayed reference answers with the
 * first result rather than the stream's current revision. Only replays pay for this scan.
 */
async function firstRecording(store: EventStore, loanId: string, type: PaymentEvent, reference: string): Promise<{ revision: bigint; position: bigint } | null> {
  const events = await store.readStream(loanStream(loanId), { direction: 'backwards' });
  const found = events.find((e) => e.type === type && (e.data as { reference?: unknown }).reference === reference);
  return found ? { revision: found.revision, position: found.position } : null;
}

async function collect(services: AppServices, meta: CommandMeta, loanId: string, input: PaymentInput, type: PaymentEvent): Promise<CommandOutcome> {
  const effectiveDate = input.effectiveDate ?? businessToday(services);
  const data = { amount: input.amount, channel: input.channel, reference: input.reference, effectiveDate };
  const command = type === 'RepaymentReceived' ? { type: 'ReceiveRepayment' as const, data } : { type: 'ReceiveRecovery' as const, data };
  const { outcome, replayed } = await runLoanCommand(services, meta, loanId, command, occurredAtFor(services, effectiveDate));
  if (outcome.created || replayed) return outcome;
  const first = await firstRecording(services.eventStore, loanId, type, input.reference);
  return first ? { ...outcome, ...first } : outcome;
}

/** Applies a repayment once per reference: a replay (same amount) answers with the first result, another amount is refused. */
export function receiveRepayment(services: AppServices, meta: CommandMeta, loanId: string, input: PaymentInput): Promise<CommandOutcome> {
  return collect(services, meta, loanId, input, 'RepaymentReceived');
}

/** Records money recovered on a written-off loan, once per reference, like a repayment. */
export function receiveRecovery(services: AppServices, meta: CommandMeta, loanId: string, input: PaymentInput): Promise<CommandOutcome> {
  return collect(services, meta, loanId, input, 'RecoveryReceived');
}
