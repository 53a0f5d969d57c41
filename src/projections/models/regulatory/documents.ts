import type { RefundChannel } from '../../../domain/loan/events.js';
import type { Doc } from '../../../readstore/port.js';

export const REGULATORY_LOANS = 'regulatory_loans';
export const REGULATORY_TRANSACTIONS = 'regulatory_transactions';

/** What the regulator reports need to know about a loan; id = loanId. */
export interface RegulatoryLoan extends Doc {
  customerId: string;
  productId: string;
  currency: string;
  principal: string | null;
  disbursedOn: string | null;
  closedOn: string | null;
  closeReason: 'obligations_met' | 'overpayment_refunded' | null;
}

export type TransactionKind = 'disbursement' | 'repayment' | 'recovery' | 'refund';

/** One money movement between lender and borrower; id = eventId. */
export interface RegulatoryTransaction extends Doc {
  loanId: string;
  customerId: string;
  currency: string;
  kind: TransactionKind;
  /** Seen from the lender: money in (repayment, recovery) or out (disbursement, refund). */
  direction: 'in' | 'out';
  amount: string;
  /** `cash` only for the admin's cash refund decree. */
  channel: RefundChannel;
  /** Business date (YYYY-MM-DD). */
  date: string;
  reference: string | null;
  /** For a repayment, the part that paid scheduled principal, interest and fees (what collection rate counts). */
  scheduledPaid: string;
  /** For a repayment since reversed (bounced, charged back, posted in error): the reversal's business date. The money never stood. */
  reversedOn?: string;
}
