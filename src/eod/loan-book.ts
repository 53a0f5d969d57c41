import { isMonthEnd } from '../domain/calendar.js';
import type { Classification } from '../domain/loan/events.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../projections/models/loan-summary/documents.js';
import type { FindQuery, ReadStore } from '../readstore/port.js';
import type { CuredLoans } from './cured-loans.js';

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
 * keyed in late that no close has caught up yet (missedClosesFrom), then loans
 * still classified below normal though nothing is past due any more (cured). On a
 * month-end every loan still owing, since accrual is posted for all. A loan paid ahead has nothing
 * due, so its due-date accrual waits for the month-end: posted a few days later, never lost.
 * Closed, written-off and unopened loans owe no installment and never appear.
 *
 * A past date (a catch-up over missed dates) is judged on what was due that day, not now: `cured`
 * adds, last, the loans that had a row due and unpaid that day which a payment recorded since but
 * dated later settled (the month-end pass already reads every loan still owing).
 *
 * The book's first close (`firstClose`: no close has completed before it) reads every loan still
 * owing, as a month-end does: a loan keyed in before any close ran (a book migrated or keyed in
 * before the lender first closes) has every month-end since its disbursement to book, on their
 * nights, whatever is due that day. Before, a first close on 11-03 scanned none of the loans paid on
 * time, so the interest they had earned since June sat in received in advance until 11-30 booked
 * it back-dated, and month-ends already reported moved (qa19 Q1).
 */
export function loansToClose(readStore: ReadStore, date: string, start: BookPosition | null, pageSize: number, cured: CuredLoans | null = null, firstClose = false): AsyncGenerator<LoanPage> {
  return isMonthEnd(date) || firstClose ? wholeBook(readStore, start?.cursor ?? null, pageSize) : loansDue(readStore, date, start, pageSize, cured);
}

// A quiet night reads only the loans due, through the next-due-date index (the keyset pages stay
// few), then those owing a penalty on an installment paid after its grace, then the cured ones.
async function* loansDue(readStore: ReadStore, date: string, start: BookPosition | null, pageSize: number, cured: CuredLoans | null): AsyncGenerator<LoanPage> {
  const due = (loan: LoanSummaryDoc) => loan.nextDueDate !== null && loan.nextDueDate <= date;
  const latePenalty = (loan: LoanSummaryDoc) => loan.latePenaltyFrom != null && loan.latePenaltyFrom <= date;
  const missed = (loan: LoanSummaryDoc) => loan.missedClosesFrom != null && loan.missedClosesFrom <= date;
  const queries: { where: NonNullable<FindQuery['where']>; sort: NonNullable<FindQuery['sort']>; broughtBefore: (loan: LoanSummaryDoc) => boolean }[] = [
    { where: { nextDueDate: { lte: date } }, sort: { field: 'nextDueDate', direction: 'asc' as const }, broughtBefore: () => false },
    { where: { latePenaltyFrom: { lte: date } }, sort: { field: 'id', direction: 'asc' as const }, broughtBefore: due },
    // A loan keyed in late: the closes it missed are caught up by the first close after it, not when something falls due.
    { where: { missedClosesFrom: { lte: date } }, sort: { field: 'id', direction: 'asc' as const }, broughtBefore: (loan: LoanSummaryDoc) => due(loan) || latePenalty(loan) },
    ...BELOW_NORMAL.map((classification) => ({
      where: { classification }, sort: { field: 'id', direction: 'asc' as const }, broughtBefore: (loan: LoanSummaryDoc) => due(loan) || latePenalty(loan) || missed(loan),
    })),
  ];
  // The last "query" is the cured loans of a past date, by id (see CuredLoans).
  const last = cured === null ? queries.length - 1 : queries.length;
  for (let index = start?.query ?? 0; index < queries.length; index++) {
    const { where, sort, broughtBefore } = queries[index]!;
    let cursor = index === start?.query ? start.cursor : null;
    do {
      const page = await readStore.find<LoanSummaryDoc>(LOAN_SUMMARY, { where, sort, limit: pageSize, cursor });
      cursor = page.nextCursor;
      const next = cursor !== null ? { query: index, cursor } : index + 1 <= last ? { query: index + 1, cursor: null } : null;
      // A later query skips the loans an earlier one already brought.
      yield { loans: page.items.filter((loan) => !broughtBefore(loan)), next };
    } while (cursor !== null);
  }
  if (cured === null) return;
  const ids = cured.on(date, start?.query === queries.length ? start.cursor : null);
  const belowNormal = (loan: LoanSummaryDoc) => loan.classification !== 'normal';
  for (let at = 0; at < ids.length; at += pageSize) {
    const chunk = ids.slice(at, at + pageSize);
    const docs = await Promise.all(chunk.map((id) => readStore.get<LoanSummaryDoc>(LOAN_SUMMARY, id)));
    const loans = docs.filter((loan): loan is LoanSummaryDoc => loan !== null && !(due(loan) || latePenalty(loan) || missed(loan) || belowNormal(loan)));
    yield { loans, next: at + pageSize < ids.length ? { query: queries.length, cursor: chunk[chunk.length - 1] as string } : null };
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
