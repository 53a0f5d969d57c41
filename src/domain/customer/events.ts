import type { DomainEvent } from '../decider.js';

/**
 * PII never enters an event in clear: the application seals it with the customer's data key
 * (AES-256-GCM) before the decider sees it. A `Sealed` value is that opaque ciphertext string.
 */
export type Sealed = string;

export interface SealedProfile {
  name: Sealed;
  nationalId: Sealed;
  phone: Sealed;
  email: Sealed | null;
}

export type CustomerRegistered = DomainEvent<'CustomerRegistered', {
  customerId: string;
  profile: SealedProfile;
  /** 'self' when the borrower registered, 'officer' when staff did it for them. */
  registeredBy: 'self' | 'officer';
  /** The user id (token subject) who registered; absent on events recorded before maker-checker. */
  registrar?: string;
}>;
/**
 * Schema v2: `monthlyIncome` (a decimal string in CNY once opened) and `employer` are sealed like the
 * bank account, since they are personal information that erasure must leave unreadable (PIPL
 * art. 4, art. 47). v1 events hold them in clear; the upcaster hands them out as `recordedInClear`
 * values (recorded-in-clear.ts), which the vault opens only while the customer's key exists.
 */
export type KycSubmitted = DomainEvent<'KycSubmitted', {
  monthlyIncome: Sealed;
  employer: Sealed;
  employmentMonths: number;
  bankAccount: Sealed;
  submittedAt: string;
  /** The user id who submitted; absent on events recorded before maker-checker. */
  submittedBy?: string;
}>;
export type KycVerified = DomainEvent<'KycVerified', { reason: string | null; decidedBy: string; verifiedAt: string }>;
export type KycRejected = DomainEvent<'KycRejected', { reason: string; decidedBy: string }>;
export type CustomerFlagged = DomainEvent<'CustomerFlagged', { flag: 'aml'; reason: string }>;
export type CustomerErased = DomainEvent<'CustomerErased', { reason: string; erasedBy: string }>;
/**
 * A loan application was opened for the live customer (after the loan's own stream recorded it): the
 * customer's stream is where an application and an erasure meet, so one of two sent together fails.
 */
export type LoanApplicationOpened = DomainEvent<'LoanApplicationOpened', { loanId: string }>;

export type CustomerEvent = CustomerRegistered | KycSubmitted | KycVerified | KycRejected | CustomerFlagged | CustomerErased | LoanApplicationOpened;
