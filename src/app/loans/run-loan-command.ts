import type { CommandResult } from '../../commands/handle-command.js';
import { loanDecider, type LoanCommand, type LoanState } from '../../domain/loan/decider.js';
import { runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { LOAN_SNAPSHOT, loanStream } from '../streams.js';

/** Runs a loan command on the loan's stream (with snapshots); business time is `occurredAt`. */
export function runLoanCommand(
  services: AppServices,
  meta: CommandMeta,
  loanId: string,
  command: LoanCommand,
  occurredAt: string,
): Promise<CommandResult<LoanState> & { outcome: CommandOutcome }> {
  return runCommand(services, {
    id: loanId, streamId: loanStream(loanId), decider: loanDecider, command, meta, occurredAt, snapshot: LOAN_SNAPSHOT,
  });
}
