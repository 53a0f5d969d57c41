import { DomainError } from '../domain/errors.js';
import type { EventStore } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';

const LOAN_SUMMARY_PROJECTION = 'loan-summary';

export interface FreshnessOptions {
  timeoutMs?: number;
  pollMs?: number;
}

/**
 * Waits until the loan-summary read model has applied every event in the log as of now, because
 * close of business picks its loans from it: a lagging book would skip loans that just fell due.
 * Throws LOAN_BOOK_BEHIND (409) when no projector brings it up to date in time.
 */
export async function awaitLoanBook(eventStore: EventStore, readStore: ReadStore, options: FreshnessOptions = {}): Promise<bigint> {
  const { timeoutMs = 30_000, pollMs = 20 } = options;
  const head = await eventStore.headPosition();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = (await readStore.getCheckpoint(LOAN_SUMMARY_PROJECTION))?.position ?? 0n;
    if (at >= head) return head;
    if (Date.now() >= deadline) {
      throw new DomainError('LOAN_BOOK_BEHIND', `the loan book is at position ${at}, the log at ${head}; start the projectors (lendcore serve or lendcore project) and retry`, 'conflict', {
        loanBookPosition: at.toString(), logPosition: head.toString(),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
