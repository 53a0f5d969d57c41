import type { OfficerChargeKind } from '../../domain/loan/events.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { runLoanCommand } from './run-loan-command.js';

export interface ChargeInput {
  kind: OfficerChargeKind;
  amount: string;
  /** Picks the installment; may be after today for a document fee. */
  dueDate: string;
  reason: string;
}

/** Applies an officer's document, late or collection fee to an active loan, on today's business date. */
export async function applyCharge(services: AppServices, meta: CommandMeta, loanId: string, input: ChargeInput): Promise<CommandOutcome> {
  const date = businessToday(services);
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'ApplyCharge', data: { kind: input.kind, amount: input.amount, dueDate: input.dueDate, reason: input.reason, date, appliedBy: meta.actor.sub },
  }, occurredAtFor(services, date));
  return outcome;
}
