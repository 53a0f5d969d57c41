import type { LoanStatus } from '../../../domain/loan/events.js';
import type { Sealed, SealedProfile } from '../../../domain/customer/events.js';
import type { Doc } from '../../../readstore/port.js';

export const CUSTOMER_ACCOUNT = 'customer_account';
export const CUSTOMER_ACCOUNT_LOANS = 'customer_account_loans';

export type KycStatus = 'not_submitted' | 'submitted' | 'verified' | 'rejected';

export interface CustomerLoanLine {
  loanId: string;
  status: LoanStatus;
  currency: string;
  principal: string;
  outstanding: string;
  nextDue: { date: string; amount: string } | null;
}

/**
 * The account centre. PII stays sealed: the API opens and masks it per request, so erasing the
 * customer's key turns it into "[erased]" without rewriting this document.
 */
export interface CustomerAccountDoc extends Doc {
  profile: SealedProfile;
  registeredBy: 'self' | 'officer';
  registeredOn: string;
  kycStatus: KycStatus;
  /**
   * Income and employer sealed as the event holds them; null once the customer is erased, since a
   * KycSubmitted v1 recorded them in clear (recorded-in-clear.ts) and no key can make those unreadable.
   */
  kyc: { monthlyIncome: Sealed | null; employer: Sealed | null; employmentMonths: number; bankAccount: Sealed; submittedAt: string } | null;
  kycDecision: { decidedBy: string; reason: string | null; on: string } | null;
  flags: { flag: 'aml'; reason: string; on: string }[];
  erased: boolean;
  erasedOn: string | null;
  loans: CustomerLoanLine[];
  /** Per currency: amounts of different currencies are never added together. */
  totals: { currency: string; loans: number; open: number; principal: string; outstanding: string }[];
}

/** Which customer a loan belongs to, as the account centre follows it; id = loanId. */
export interface CustomerLoanDoc extends Doc {
  customerId: string;
}
