import { handleCommand } from '../commands/handle-command.js';
import { bookClosesDecider } from '../domain/book/book-closes.js';
import type { CloseLoanDeps } from './close-loan.js';

/** The one stream of the book's completed closes (BusinessDayClosed). */
export const BOOK_CLOSES_STREAM = 'closes-book';

/**
 * Records that close of business completed `date` for the book (BusinessDayClosed), through the command
 * pipeline; nothing for a date on or before one already recorded. Returns the event's global position, or
 * null when nothing was appended.
 */
export async function closeBook(deps: CloseLoanDeps, date: string, closedAt: string): Promise<bigint | null> {
  const context = { actor: deps.actor, correlationId: deps.correlationId, occurredAt: closedAt };
  const result = await handleCommand({ store: deps.eventStore }, { streamId: BOOK_CLOSES_STREAM, decider: bookClosesDecider, command: { type: 'CloseBook', data: { date } }, context });
  return result.events.length > 0 ? result.position : null;
}

