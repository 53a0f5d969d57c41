import { isMonthEnd } from '../domain/calendar.js';
import type { Classification } from '../domain/loan/events.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../projections/models/loan-summary/documents.js';
import type { ReadStore } from '../readstore/port.js';

const BELOW_NORMAL: Classification[] = ['special-mention', 'substandard', 'doubtful', 'loss'];

/** Where a pass over the book stands: which of its queries, and the cursor (or, for the month-end scan, the last loan id) within it. */
export interface BookPosition {
  query: number;
  cursor: string | null;
}

export interface LoanPage {
  loans: LoanSummaryDoc[];
  /** Where the page after this one starts (null after the last): a run that stored it resumes there. */
  next: BookPosition | null;
}

/**
 * Pages of the loans close of business can act on at `date`. On an ordinary night: those with an
 * unpaid installment due on or before it (falling due, past due: penalties, classification moves),
 * then loans still classified below normal though nothing is past due any more (cured). On a
 * month-end every loan still owing, since accrual is posted for all. A loan paid ahead has nothing
 * due, so its due-date accrual waits for the month-end: posted a few days later, never lost.
 * Closed, written-off and unopened loans owe no installment and never appear.
 */
export function loansToClose(readStore: ReadStore, date: string, start: BookPosition | null, pageSize: number): AsyncGenerator<LoanPage> {
  return isMonthEnd(date) ? wholeBook(readStore, start?.cursor ?? null, pageSize) : loansDue(readStore, date, start, pageSize);
}

// A quiet night reads only the loans due, through the next-due-date index (the keyset pages stay few).
async function* loansDue(readStore: ReadStore, date: string, start: BookPosition | null, pageSize: number): AsyncGenerator<LoanPage> {
  const queries = [
    { where: { nextDueDate: { lte: date } }, sort: { field: 'nextDueDate', direction: 'asc' as const } },
    ...BELOW_NORMAL.map((classification) => ({ where: { classification }, sort: { field: 'id', direction: 'asc' as const } })),
  ];
  for (let index = start?.query ?? 0; index < queries.length; index++) {
    let cursor = index === start?.query ? start.cursor : null;
    do {
      const page = await readStore.find<LoanSummaryDoc>(LOAN_SUMMARY, { ...queries[index]!, limit: pageSize, cursor });
      cursor = page.nextCursor;
      const next = cursor !== null ? { query: index, cursor } : index + 1 < queries.length ? { query: index + 1, cursor: null } : null;
      // The cured-loan queries skip loans the first query already brought.
      const loans = index === 0 ? page.items : page.items.filter((loan) => loan.nextDueDate === null || loan.nextDueDate > date);
      yield { loans, next };
    } while (cursor !== null);
  }
}

// A month-end touches nearly every loan: one pass in id order is linear, where keyset pages over a
// secondary index would re-read the index for every page.
async function* wholeBook(readStore: ReadStore, afterId: string | null, pageSize: number): AsyncGenerator<LoanPage> {
  let loans: LoanSummaryDoc[] = [];
  for await (const loan of readStore.scan<LoanSummaryDoc>(LOAN_SUMMARY)) {
    if (afterId !== null && loan.id <= afterId) continue;
    if (loan.nextDueDate === null && loan.classification === 'normal') continue;
    loans.push(loan);
    if (loans.length === pageSize) {
      yield { loans, next: { query: 0, cursor: loan.id } };
      loans = [];
    }
  }
  yield { loans, next: null };
}
