import { daysBetween } from '../../../domain/calendar.js';
import type { LoanSummaryDoc } from './documents.js';

/**
 * Days past due counted to the last closed business date (the one rule, dpdCountedTo in
 * reclassification.ts: the date the loan's class and the write-off threshold count them to), from
 * the date the oldest amount still owed counts past due from (unpaidSince: the oldest installment
 * still owed's due date, or an officer charge's own date when applied after its row fell due;
 * documents built before it, the next due date): the loan ages every night even when close of
 * business had nothing to record for it, and a fact recorded today changes which installment is
 * the oldest owed, not the date counted to. Before the first close, to the document's own date
 * (`asOf`, the loan's own date: loan-own-date.ts), the date its schedule's rows are aged to then.
 */
export function daysPastDueAt(doc: Pick<LoanSummaryDoc, 'nextDue' | 'daysPastDue' | 'unpaidSince'>, closedThrough: string | null): number {
  if (closedThrough === null) return doc.daysPastDue;
  const oldest = doc.unpaidSince !== undefined ? doc.unpaidSince : doc.nextDue?.date ?? null;
  return oldest !== null && oldest < closedThrough ? daysBetween(oldest, closedThrough) : 0;
}
