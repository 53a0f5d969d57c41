import type { Classification, LoanStatus } from '../../domain/loan/events.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import type { FindQuery, Page, ReadStore } from '../../readstore/port.js';
import { closedThroughInSummaries, toLoanSummaryView, type LoanSummaryView } from '../queries/loan-summary-view.js';
import { isOnBook, ON_BOOK_STATUSES } from '../../reports/loan-book.js';
import { findMerged } from './filtered-page.js';

const PAST_DUE_STATUSES: LoanStatus[] = ['overdue', 'written_off'];

/**
 * The orders a loan list can come in; `-` means newest (or latest) first. Each is an indexed field
 * of the loan summary, paged as a keyset on (field, id) with no snapshot: a loan whose field does
 * not change while a client pages is listed once; `nextDueDate` moves with payments, so a loan can
 * be listed twice or missed (README "Finding things"; test/app/lists/loan-list-paging.property.test.ts).
 */
export const LOAN_SORTS = ['id', '-id', 'disbursedOn', '-disbursedOn', 'nextDueDate', '-nextDueDate'] as const;
export type LoanSort = (typeof LOAN_SORTS)[number];

export interface LoanListFilter {
  status?: LoanStatus;
  customerId?: string;
  productId?: string;
  classification?: Classification;
  /** Days past due, both ends inclusive. */
  dpdFrom?: number;
  dpdTo?: number;
  /** Disbursement date window (YYYY-MM-DD), both ends inclusive. */
  disbursedFrom?: string;
  disbursedTo?: string;
  sort: LoanSort;
  limit: number;
  cursor?: string;
}

/**
 * One page of loan summaries (DESIGN.md's shape). Equality and the disbursement window go to the
 * store on the loan summary's indexed view fields; days past due has no index on the loan summary
 * yet, so that bound is checked per document while paging (findFiltered), over the past-due
 * statuses only when it has a lower bound, never by loading the book. A class filter lists the
 * loans on the book in that class, the ones the five-category report counts (QA9 Q12): a closed or
 * written-off loan keeps the class it last had (written off in) in its view, but is off the book.
 * `owedOn` gives a document's figures as a payment on the business date finds them (summaryOwedOn,
 * what the loan's own summary shows): each row and its days past due, the bound included, are
 * those (QA 11 S9: after a back-dated reversal the list showed DPD 5 where the loan showed 36).
 */
export async function findLoans(readStore: ReadStore, filter: LoanListFilter, owedOn: (doc: LoanSummaryDoc) => Promise<LoanSummaryDoc> = async (doc) => doc): Promise<Page<LoanSummaryView>> {
  // The days past due, status and class the list shows and filters on are the view's (counted to the last close the
  // loan-summary projection has applied, closedThroughInSummaries: never to one its documents do not hold yet).
  const closed = await closedThroughInSummaries(readStore);
  // Before the first close the standing shown is the one that close will record (standingBeforeFirstClose), not the
  // stored one: the status and class filters are then checked per document, as the days past due always are.
  const beforeFirstClose = closed === null && (filter.status !== undefined || filter.classification !== undefined);
  const where: NonNullable<FindQuery['where']> = {};
  if (filter.status !== undefined && !beforeFirstClose) where.status = filter.status;
  if (filter.customerId !== undefined) where.customerId = filter.customerId;
  if (filter.productId !== undefined) where.productId = filter.productId;
  if (filter.classification !== undefined && !beforeFirstClose) where.classification = filter.classification;
  if (filter.disbursedFrom !== undefined || filter.disbursedTo !== undefined) {
    where.disbursedOn = {
      ...(filter.disbursedFrom !== undefined ? { gte: filter.disbursedFrom } : {}),
      ...(filter.disbursedTo !== undefined ? { lte: filter.disbursedTo } : {}),
    };
  }
  const descending = filter.sort.startsWith('-');
  const sort = { field: descending ? filter.sort.slice(1) : filter.sort, direction: descending ? 'desc' : 'asc' } as const;
  const { dpdFrom, dpdTo } = filter;
  // A document the filters kept is shown as they read it: owedOn may read the loan's log, once per document.
  const views = new Map<string, Promise<LoanSummaryView>>();
  const shown = (doc: LoanSummaryDoc): Promise<LoanSummaryView> => {
    let view = views.get(doc.id);
    if (view === undefined) views.set(doc.id, (view = owedOn(doc).then((owed) => toLoanSummaryView(owed, closed))));
    return view;
  };
  const bounded = dpdFrom !== undefined || dpdTo !== undefined;
  const keep = !bounded && !beforeFirstClose
    ? undefined
    : async (doc: LoanSummaryDoc) => {
      const view = await shown(doc);
      const days = view.daysPastDue;
      return (dpdFrom === undefined || days >= dpdFrom) && (dpdTo === undefined || days <= dpdTo)
        && (!beforeFirstClose || ((filter.status === undefined || view.status === filter.status)
          && (filter.classification === undefined || (view.classification === filter.classification && isOnBook(view)))));
    };
  // The statuses the filters allow (null: any): a class is the class of a loan on the book; only
  // an overdue or written-off loan is past due (the loan summary keeps 0 otherwise), so with a
  // lower bound read just those statuses instead of the whole book. Before the first close an
  // active loan may show days past due (and is then shown overdue): no narrowing then.
  let statuses: readonly LoanStatus[] | null = filter.status === undefined || beforeFirstClose ? null : [filter.status];
  const allow = (allowed: readonly LoanStatus[]) => { statuses = (statuses ?? allowed).filter((status) => allowed.includes(status)); };
  if (filter.classification !== undefined && !beforeFirstClose) allow(ON_BOOK_STATUSES);
  if (dpdFrom !== undefined && dpdFrom > 0 && closed !== null) allow(PAST_DUE_STATUSES);
  if (statuses !== null && statuses.length === 0) return { items: [], nextCursor: null };
  const wheres = statuses === null ? [where] : statuses.map((status) => ({ ...where, status }));
  const page = await findMerged<LoanSummaryDoc>(readStore, LOAN_SUMMARY, wheres, { sort, limit: filter.limit, cursor: filter.cursor ?? null }, keep);
  const items = await Promise.all(page.items.map(shown));
  return { items, nextCursor: page.nextCursor };
}
