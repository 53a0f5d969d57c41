import { LOAN_SNAPSHOT, loanStream } from '../app/streams.js';
import { handleCommand } from '../commands/handle-command.js';
import type { Actor } from '../domain/actor.js';
import type { LoanCommand } from '../domain/loan/commands.js';
import { processLoanDecider } from '../app/loans/loan-decider.js';
import type { EventStore } from '../eventstore/port.js';

export interface CloseLoanDeps {
  eventStore: EventStore;
  actor: Actor;
  correlationId: string;
}

export interface ClosedLoan {
  events: number;
  /** Global position of the last event appended (null when nothing was). */
  position: bigint | null;
}

/**
 * Closes one loan's business day (`closedAt`: the day's last instant in the lender's time zone, see
 * endOfBusinessDay, so the close comes after every payment dated that day) through the command pipeline, like every other writer: the loan
 * is loaded from the log (snapshot and tail, or the pipeline's cache), decided, and appended at its
 * revision with conflict retry. A loan with nothing to record appends nothing.
 */
export async function closeLoan(deps: CloseLoanDeps, loanId: string, command: LoanCommand, closedAt: string): Promise<ClosedLoan> {
  const context = { actor: deps.actor, correlationId: deps.correlationId, occurredAt: closedAt };
  const result = await handleCommand({ store: deps.eventStore }, { streamId: loanStream(loanId), decider: processLoanDecider, command, context, snapshot: LOAN_SNAPSHOT });
  return { events: result.events.length, position: result.events.length > 0 ? result.position : null };
}
