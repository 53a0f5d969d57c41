import { loadAggregate } from '../../commands/load-aggregate.js';
import { statementDecider, type StatementCommand, type StatementState } from '../../domain/payment/statement-decider.js';
import { runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';

export const statementStream = (statementId: string) => `bank-statement-${statementId}`;

/** The statement as its decider sees it (its suspended lines and whom they were assigned to), from its stream. */
export async function loadStatement(services: AppServices, statementId: string): Promise<StatementState> {
  return (await loadAggregate(services.eventStore, statementStream(statementId), statementDecider)).state;
}

/** Runs a statement command on its stream; business time is now. */
export async function runStatementCommand(services: AppServices, meta: CommandMeta, statementId: string, command: StatementCommand): Promise<CommandOutcome> {
  const { outcome } = await runCommand(services, {
    id: statementId, streamId: statementStream(statementId), decider: statementDecider, command, meta, occurredAt: services.clock.now().toISOString(),
  });
  return outcome;
}
