import { isMonthEnd } from '../domain/calendar.js';
import type { Classification } from '../domain/loan/events.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../projections/models/loan-summary/documents.js';
import type { FindQuery, ReadStore } from '../readstore/port.js';

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
 * then those owing a penalty on an installment paid after its grace (latePenaltyFrom), then loans
 * still classified below normal though nothing is past due any more (cured). On a
 * month-end every loan still owing, since accrual is posted for all. A loan paid ahead has nothing
 * due, so its due-date accrual waits for the month-end: posted a few days later, never lost.
 * Closed, written-off and unopened loans owe no installment and never appear.
 */
export function loansToClose(readStore: ReadStore, date: string, start: BookPosition | null, pageSize: number): AsyncGenerator<LoanPage> {
  return isMonthEnd(date) ? wholeBook(readStore, start?.cursor ?? null, pageSize) : loansDue(readStore, date, start, pageSize);
}

// A quiet night reads only the loans due, through the next-due-date index (the keyset pages stay
// few), then those owing a penalty on an installment paid after its grace, then the cured ones.
async function* loansDue(readStore: ReadStore, date: string, start: BookPosition | null, pageSize: number): AsyncGenerator<LoanPage> {
  const due = (loan: LoanSummaryDoc) => loan.nextDueDate !== null && loan.nextDueDate <= date;
  const latePenalty = (loan: LoanSummaryDoc) => loan.latePenaltyFrom != null && loan.latePenaltyFrom <= date;
  const queries: { where: NonNullable<FindQuery['where']>; sort: NonNullable<FindQuery['sort']>; broughtBefore: (loan: LoanSummaryDoc) => boolean }[] = [
    { where: { nextDueDate: { lte: date } }, sort: { field: 'nextDueDate', direction: 'asc' as const }, broughtBefore: () => false },
    { where: { latePenaltyFrom: { lte: date } }, sort: { field: 'id', direction: 'asc' as const }, broughtBefore: due },
    ...BELOW_NORMAL.map((classification) => ({
      where: { classification }, sort: { field: 'id', direction: 'asc' as const }, broughtBefore: (loan: LoanSummaryDoc) => due(loan) || latePenalty(loan),
    })),
  ];
  for (let index = start?.query ?? 0; index < queries.length; index++) {
    const { where, sort, broughtBefore } = queries[index]!;
    let cursor = index === start?.query ? start.cursor : null;
    do {
      const page = await readStore.find<LoanSummaryDoc>(LOAN_SUMMARY, { where, sort, limit: pageSize, cursor });
      cursor = page.nextCursor;
      const next = cursor !== null ? { query: index, cursor } : index + 1 < queries.length ? { query: index + 1, cursor: null } : null;
      // A later query skips the loans an earlier one already brought.
      yield { loans: page.items.filter((loan) => !broughtBefore(loan)), next };
    } while (cursor !== null);
  }
}

// A month-end touches nearly every loan: one pass in id order is linear, where keyset pages over a
// secondary index would re-read the index for every page.
async function* wholeBook(readStore: ReadStore, afterId: string | null, pageSize: number): AsyncGenerator<LoanPage> {
  let loans: LoanSummaryDoc[] = [];
  for await (const loan of readStore.scan<LoanSummaryDoc>(LOAN_SUMMARY)) {
    if (afterId !== null && loan.id <= afterId) continue;
    if (loan.nextDueDate === null && loan.classification === 'normal' && loan.latePenaltyFrom == null) continue;
    loans.push(loan);
    if (loans.length === pageSize) {
      yield { loans, next: { query: 0, cursor: loan.id } };
      loans = [];
    }
  }
  yield { loans, next: null };
}
