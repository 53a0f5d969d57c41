import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import type { ReadStore } from '../../readstore/port.js';

/** DESIGN.md "loan summary", plus the business date its figures are as of. */
export type LoanSummaryView = Pick<
  LoanSummaryDoc,
  'id' | 'customerId' | 'productId' | 'status' | 'flags' | 'currency' | 'principal' | 'outstanding' | 'nextDue' | 'daysPastDue' | 'classification' | 'asOf'
>;

export function loanSummaryDoc(readStore: ReadStore, loanId: string): Promise<LoanSummaryDoc | null> {
  return readStore.get<LoanSummaryDoc>(LOAN_SUMMARY, loanId);
}

/** The public summary fields of the read model's document (the folded domain state stays inside). */
export function toLoanSummaryView(doc: LoanSummaryDoc): LoanSummaryView {
  const { id, customerId, productId, status, flags, currency, principal, outstanding, nextDue, daysPastDue, classification, asOf } = doc;
  return { id, customerId, productId, status, flags, currency, principal, outstanding, nextDue, daysPastDue, classification, asOf };
}
