import { statementDecider, type StatementCommand } from '../../domain/payment/statement-decider.js';
import { runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';

export const statementStream = (statementId: string) => `bank-statement-${statementId}`;

/** Runs a statement command on its stream; business time is now. */
export async function runStatementCommand(services: AppServices, meta: CommandMeta, statementId: string, command: StatementCommand): Promise<CommandOutcome> {
  const { outcome } = await runCommand(services, {
    id: statementId, streamId: statementStream(statementId), decider: statementDecider, command, meta, occurredAt: services.clock.now().toISOString(),
  });
  return outcome;
}
