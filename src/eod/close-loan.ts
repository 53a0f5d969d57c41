import { LOAN_SNAPSHOT, loanStream } from '../app/streams.js';
import { handleCommand } from '../commands/handle-command.js';
import type { Actor } from '../domain/actor.js';
import type { LoanCommand } from '../domain/loan/commands.js';
import { loanDecider } from '../domain/loan/decider.js';
import type { LoanEvent } from '../domain/loan/events.js';
import type { LoanState } from '../domain/loan/state.js';
import { ConcurrencyError } from '../eventstore/concurrency-error.js';
import type { EventStore } from '../eventstore/port.js';

export interface CloseLoanDeps {
  eventStore: EventStore;
  actor: Actor;
  correlationId: string;
}

/**
 * Appends one loan's close-of-business events and returns how many were appended. `decided` was
 * decided against the loan book's copy of the state; it is appended at the revision that copy was
 * folded up to, so the store accepts it only if the copy missed no event. That spares loading every
 * loan of the night from the log. When the copy is behind (a payment arrived since) or predates
 * the event count, the command goes through the pipeline, which loads and decides again.
 */
export async function closeLoan(deps: CloseLoanDeps, loanId: string, book: LoanState, decided: LoanEvent[], command: LoanCommand, date: string): Promise<number> {
  // End of the business day: the close comes after every payment dated that day.
  const context = { actor: deps.actor, correlationId: deps.correlationId, occurredAt: `${date}T23:59:59.999Z` };
  const streamId = loanStream(loanId);
  if (Number.isInteger(book.eventsFolded) && book.eventsFolded > 0) {
    const events = decided.map((event) => ({ type: event.type, data: event.data, ...context, causationId: null, idempotencyKey: null }));
    try {
      await deps.eventStore.append(streamId, events, BigInt(book.eventsFolded - 1));
      return events.length;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  const result = await handleCommand({ store: deps.eventStore }, { streamId, decider: loanDecider, command, context, snapshot: LOAN_SNAPSHOT });
  return result.events.length;
}
