import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import { businessDateOf } from '../../projections/models/stream-id.js';
import { loanStream } from '../streams.js';

/**
 * The loan's own date (YYYY-MM-DD) from its stream's events: the latest business date any of them
 * was recorded on (businessDateOf), the date its loan-summary document is as of (loan-summary.ts
 * folds the same maximum) and so the date its days past due are counted to before the lender's
 * first close of business (loan-summary-view.ts daysPastDueAt). Its schedule's rows are aged to it
 * then, so rows and summary read one moment (qa18 D4: aged to the disbursement date instead, a loan
 * back-dated six months showed rows "future" beside 154 days past due). Null for no events.
 */
export function loanOwnDateOf(events: readonly RecordedEvent[]): string | null {
  return events.reduce<string | null>((latest, event) => {
    const date = businessDateOf(event);
    return latest === null || date > latest ? date : latest;
  }, null);
}

/** loanOwnDateOf the loan's stream, read whole: for a book before its first close only. Null for an unknown loan. */
export async function loanOwnDate(eventStore: EventStore, loanId: string): Promise<string | null> {
  return loanOwnDateOf(await eventStore.readStream(loanStream(loanId)));
}
