import type { MigrateLoan } from '../../domain/loan/commands.js';
import { occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { runLoanCommand } from './run-loan-command.js';

/**
 * Records a legacy loan as of its cut-over date (LoanApplicationSubmitted + LoanMigrated), through
 * the command pipeline like any loan command; business time is the cut-over date, so read models
 * and the ledger book it on that day.
 */
export async function migrateLoan(services: AppServices, meta: CommandMeta, command: MigrateLoan): Promise<CommandOutcome> {
  const { outcome } = await runLoanCommand(services, meta, command.data.loanId, command, occurredAtFor(services, command.data.cutoverDate));
  return outcome;
}
