import type { Classification, LoanStatus } from '../domain/loan/events.js';
import type { LoanSummaryDoc } from '../projections/models/loan-summary/documents.js';

/** The fields of a loan-summary document the portfolio reports read. */
export type LoanBookEntry = Pick<LoanSummaryDoc, 'id' | 'productId' | 'currency' | 'daysPastDue' | 'outstanding'> & {
  status: LoanStatus;
  classification: Classification;
};

/** Loans still on the book: disbursed and neither closed nor written off. */
export function isOnBook(loan: LoanBookEntry): boolean {
  return loan.status === 'active' || loan.status === 'overdue' || loan.status === 'overpaid';
}
