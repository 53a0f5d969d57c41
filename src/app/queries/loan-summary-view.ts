import { APR_METHOD, type AprMethod } from '../../domain/apr.js';
import { daysBetween } from '../../domain/calendar.js';
import { lastCompletedDate } from '../../eod/run-record.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import type { ReadStore } from '../../readstore/port.js';

/** DESIGN.md "loan summary", plus the business date its figures are as of. */
export type LoanSummaryView = Pick<
  LoanSummaryDoc,
  'id' | 'customerId' | 'productId' | 'status' | 'flags' | 'currency' | 'principal' | 'apr' | 'outstanding' | 'nextDue' | 'daysPastDue' | 'classification' | 'asOf'
> & { aprMethod: AprMethod };

export function loanSummaryDoc(readStore: ReadStore, loanId: string): Promise<LoanSummaryDoc | null> {
  return readStore.get<LoanSummaryDoc>(LOAN_SUMMARY, loanId);
}

/**
 * Days past due at the later of the document's own date and the last closed business date: the
 * loan ages every night even when close of business had nothing to record for it.
 */
export function daysPastDueAt(doc: Pick<LoanSummaryDoc, 'oldestUnpaidDueDate' | 'asOf' | 'daysPastDue'>, closedThrough: string | null): number {
  if (doc.oldestUnpaidDueDate === null) return 0;
  return Math.max(doc.daysPastDue, daysBetween(doc.oldestUnpaidDueDate, agedTo(doc.asOf, closedThrough)));
}

/** The date a loan's days past due (and its schedule rows) are aged to: its own latest date, or the last closed business date if later. */
export function agedTo(loanDate: string, closedThrough: string | null): string {
  return closedThrough !== null && closedThrough > loanDate ? closedThrough : loanDate;
}

/** The last business date close of business completed (null before the first). */
export function closedThrough(readStore: ReadStore): Promise<string | null> {
  return lastCompletedDate(readStore).catch(() => null);
}

/** The public summary fields of the read model's document, days past due aged to `closed` (the last closed business date). */
export function toLoanSummaryView(doc: LoanSummaryDoc, closed: string | null = null): LoanSummaryView {
  const { id, customerId, productId, status, flags, currency, principal, outstanding, nextDue, classification, asOf } = doc;
  const view = {
    id, customerId, productId, status, flags, currency, principal, apr: doc.apr ?? null, aprMethod: APR_METHOD as AprMethod,
    outstanding, nextDue, daysPastDue: daysPastDueAt(doc, closed), classification, asOf,
  };
  return closed !== null && closed > asOf ? { ...view, asOf: closed } : view;
}
