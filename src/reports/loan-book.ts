import type { Classification, LoanStatus } from '../domain/loan/events.js';
import type { LoanSummaryDoc } from '../projections/models/loan-summary/documents.js';

/** The fields of a loan-summary document the portfolio reports read. */
export type LoanBookEntry = Pick<LoanSummaryDoc, 'id' | 'productId' | 'currency' | 'daysPastDue' | 'outstanding'> & {
  status: LoanStatus;
  classification: Classification;
};

/** The statuses of a loan still on the book: disbursed and neither closed nor written off. */
export const ON_BOOK_STATUSES: readonly LoanStatus[] = ['active', 'overdue', 'overpaid'];

/** Loans still on the book: disbursed and neither closed nor written off. */
export function isOnBook(loan: Pick<LoanBookEntry, 'status'>): boolean {
  return ON_BOOK_STATUSES.includes(loan.status);
}
