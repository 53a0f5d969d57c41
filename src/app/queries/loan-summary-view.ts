import { APR_METHOD, type AprMethod } from '../../domain/apr.js';
import { standingBeforeFirstClose } from '../../domain/loan/standing-before-first-close.js';
import { lastCloseApplied } from '../../eod/close-applied.js';
import { lastCompletedBy, lastCompletedDate } from '../../eod/run-record.js';
import { daysPastDueAt } from '../../projections/models/loan-summary/days-past-due-at.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import { loanSummaryProjection } from '../../projections/models/loan-summary/loan-summary.js';
import type { ReadStore } from '../../readstore/port.js';

/** DESIGN.md "loan summary", plus the business date its figures are as of. */
export type LoanSummaryView = Pick<
  LoanSummaryDoc,
  'id' | 'customerId' | 'productId' | 'status' | 'flags' | 'currency' | 'principal' | 'apr' | 'outstanding' | 'nextDue' | 'daysPastDue' | 'classification' | 'asOf'
> & { aprMethod: AprMethod };

export function loanSummaryDoc(readStore: ReadStore, loanId: string): Promise<LoanSummaryDoc | null> {
  return readStore.get<LoanSummaryDoc>(LOAN_SUMMARY, loanId);
}

/** The last business date close of business completed (null before the first). */
export function closedThrough(readStore: ReadStore): Promise<string | null> {
  return lastCompletedDate(readStore).catch(() => null);
}

/** The last business date close of business had completed by `instant` (null before the first): what a loan view read then aged to. */
export function closedThroughBy(readStore: ReadStore, instant: string): Promise<string | null> {
  return lastCompletedBy(readStore, instant).catch(() => null);
}

/**
 * The last business date whose close the loan-summary projection has applied (lastCloseApplied; null
 * before one): what a view of many loan-summary documents read without waiting for them (the list,
 * the book reports, the account centre's lines) ages them to. Right after a close it is the close
 * before, for the few seconds the projection takes to apply the new one, save documents already
 * holding it (toLoanSummaryView): aging to the new close showed documents not yet updated with its
 * overdue rows and classes (qa18 D5). `?minPosition=` at the close's position waits for it. A view
 * of one loan that waits for that loan's document (GET /v1/loans/:id) ages to closedThrough.
 */
export function closedThroughInSummaries(readStore: ReadStore): Promise<string | null> {
  return lastCloseApplied(readStore, loanSummaryProjection.name).catch(() => null);
}

/**
 * The public summary fields of the read model's document, days past due aged to `lastClosed` (the
 * last closed business date the caller knows the document's projection holds) or to the document's own
 * `lastClose` when later: a document holding a close's events (its overdue rows, penalties, class)
 * reads as of that close, even while its projection is still applying the close to other loans (qa18
 * D5). Before any close, the status, flags and class the first close will record for the days past
 * due shown (standingBeforeFirstClose, qa17).
 */
export function toLoanSummaryView(doc: LoanSummaryDoc, lastClosed: string | null = null): LoanSummaryView {
  const { id, customerId, productId, currency, principal, outstanding, nextDue, asOf } = doc;
  const own = doc.lastClose ?? null;
  const closed = own !== null && (lastClosed === null || own > lastClosed) ? own : lastClosed;
  const daysPastDue = daysPastDueAt(doc, closed);
  const recorded = { status: doc.status, flags: doc.flags, classification: doc.classification };
  const { status, flags, classification } = closed === null ? standingBeforeFirstClose(recorded, daysPastDue) : recorded;
  const view = {
    id, customerId, productId, status, flags, currency, principal, apr: doc.apr ?? null, aprMethod: APR_METHOD as AprMethod,
    outstanding, nextDue, daysPastDue, classification, asOf,
  };
  return closed !== null && closed > asOf ? { ...view, asOf: closed } : view;
}
