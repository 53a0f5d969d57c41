import type { LoanCommand } from '../../domain/loan/decider.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { runLoanCommand } from './run-loan-command.js';

/** `request` starts a write-off (with a reason); `approve` completes it, by someone other than the requester. */
export type WriteOffInput =
  | { action: 'request'; reason: string; effectiveDate?: string }
  | { action: 'approve'; effectiveDate?: string };

/** One half of the four-eyes write-off; the decider checks the DPD threshold and that two people acted. */
export async function writeOffLoan(services: AppServices, meta: CommandMeta, loanId: string, input: WriteOffInput): Promise<CommandOutcome> {
  const date = input.effectiveDate ?? businessToday(services);
  const command: LoanCommand = input.action === 'request'
    ? { type: 'RequestWriteOff', data: { requestedBy: meta.actor.sub, reason: input.reason, date } }
    : { type: 'ApproveWriteOff', data: { approvedBy: meta.actor.sub, date } };
  const { outcome } = await runLoanCommand(services, meta, loanId, command, occurredAtFor(services, date));
  return outcome;
}
