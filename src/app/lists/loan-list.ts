import type { Classification, LoanStatus } from '../../domain/loan/events.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import type { FindQuery, Page, ReadStore } from '../../readstore/port.js';
import { closedThrough, daysPastDueAt, toLoanSummaryView, type LoanSummaryView } from '../queries/loan-summary-view.js';
import { findMerged } from './filtered-page.js';

const PAST_DUE_STATUSES: LoanStatus[] = ['overdue', 'written_off'];

/** The orders a loan list can come in; `-` means newest (or latest) first. Each is an indexed field of the loan summary. */
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
 * statuses only when it has a lower bound, never by loading the book.
 */
export async function findLoans(readStore: ReadStore, filter: LoanListFilter): Promise<Page<LoanSummaryView>> {
  const where: NonNullable<FindQuery['where']> = {};
  if (filter.status !== undefined) where.status = filter.status;
  if (filter.customerId !== undefined) where.customerId = filter.customerId;
  if (filter.productId !== undefined) where.productId = filter.productId;
  if (filter.classification !== undefined) where.classification = filter.classification;
  if (filter.disbursedFrom !== undefined || filter.disbursedTo !== undefined) {
    where.disbursedOn = {
      ...(filter.disbursedFrom !== undefined ? { gte: filter.disbursedFrom } : {}),
      ...(filter.disbursedTo !== undefined ? { lte: filter.disbursedTo } : {}),
    };
  }
  const descending = filter.sort.startsWith('-');
  const sort = { field: descending ? filter.sort.slice(1) : filter.sort, direction: descending ? 'desc' : 'asc' } as const;
  const { dpdFrom, dpdTo } = filter;
  // The bounds apply to the days past due the list shows (counted to the last close).
  const closed = await closedThrough(readStore);
  const dpd = (doc: LoanSummaryDoc) => daysPastDueAt(doc, closed);
  const keep = dpdFrom === undefined && dpdTo === undefined
    ? undefined
    : (doc: LoanSummaryDoc) => (dpdFrom === undefined || dpd(doc) >= dpdFrom) && (dpdTo === undefined || dpd(doc) <= dpdTo);
  // Only an overdue or written-off loan is past due (the loan summary keeps 0 otherwise): with a
  // lower bound, read just those statuses instead of the whole book.
  let wheres = [where];
  if (dpdFrom !== undefined && dpdFrom > 0) {
    const pastDue = PAST_DUE_STATUSES.filter((status) => filter.status === undefined || filter.status === status);
    if (pastDue.length === 0) return { items: [], nextCursor: null };
    wheres = pastDue.map((status) => ({ ...where, status }));
  }
  const page = await findMerged<LoanSummaryDoc>(readStore, LOAN_SUMMARY, wheres, { sort, limit: filter.limit, cursor: filter.cursor ?? null }, keep);
  return { items: page.items.map((doc) => toLoanSummaryView(doc, closed)), nextCursor: page.nextCursor };
}
