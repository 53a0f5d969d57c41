import type { Role } from '../actor.js';
import type { KycStatus } from '../customer/state.js';
import type { ProductTerms } from '../product/events.js';
import type { ClassificationThresholds } from './classification.js';
import type { Channel, ChargeKind, CreditAssessed, LoanMigrated, OfficerChargeKind, RefundChannel } from './events.js';
import type { PrepaymentOverride } from './state.js';
import type { WorkingCalendar } from '../working-days/working-calendar.js';

/**
 * Loan commands carry everything the decider needs (ids, dates, the acting person and role, and
 * what the application looked up about the customer and product) as plain data.
 */
export type SubmitApplication = {
  type: 'SubmitApplication';
  data: {
    loanId: string;
    customerId: string;
    customer: { exists: boolean; kycStatus: KycStatus; erased: boolean };
    product: { productId: string; version: number; terms: ProductTerms; retired: boolean };
    principal: string;
    term: number;
    purpose: string;
    submittedBy: string;
    /** Business date of the application (YYYY-MM-DD): today, or earlier for a loan keyed in late; never after today. */
    submittedOn: string;
    /** Loan-level terms inside the product's bounds; absent ones follow the product. */
    loanTerms?: LoanLevelTerms;
    /** The loan agreement the borrower accepted: SHA-256 (hex) of its canonical rendering, checked by the application service, and when. */
    agreement?: AcceptedAgreement;
  };
};

export interface AcceptedAgreement {
  hash: string;
  acceptedAt: string;
}

export interface LoanLevelTerms {
  graceOnPrincipal?: number;
  graceOnInterest?: number;
  /** First due date (an odd first period); checked against the disbursement date when disbursed. */
  firstRepaymentDate?: string;
}
export type RecordAssessment = { type: 'RecordAssessment'; data: { assessment: CreditAssessed['data'] } };
export type ApproveLoan = {
  type: 'Approve';
  /** `date`: the business date of the approval (YYYY-MM-DD); no disbursement may be dated before it. */
  data: { approvedPrincipal?: string | null; approver: string; approverRole: Role; note: string | null; kycVerified: boolean; date: string };
};
export type RejectLoan = { type: 'Reject'; data: { reason: string; by: string } };
export type WithdrawLoan = { type: 'Withdraw'; data: { reason: string | null } };
/**
 * `calendar`: the lender's working days the product's non-working-day rule moves due dates by, read
 * by the application (the domain does no I/O) — the same calendar the quote uses; weekends only when absent.
 */
export type DisburseLoan = { type: 'Disburse'; data: { effectiveDate: string; channel: Channel; calendar?: WorkingCalendar } };
export type ReceiveRepayment = {
  type: 'ReceiveRepayment';
  /**
   * `keyed`: present when staff typed the amount in (not a channel reporting money that arrived):
   * then an amount beyond what pays the loan off is refused unless `overpaymentConfirmed`.
   */
  data: { amount: string; channel: Channel; reference: string; effectiveDate: string; prepayment?: PrepaymentOverride; keyed?: { overpaymentConfirmed: boolean } };
};
export type ReverseRepayment = {
  type: 'ReverseRepayment';
  /** `approvalRequired`: only requested, whatever the amount, until a second person approves (a channel asked for it: the provider refunded the payment). */
  data: { reference: string; reason: string; effectiveDate: string; reversedBy: string; approvalRequired?: boolean };
};
export type ApproveReversal = { type: 'ApproveReversal'; data: { reference: string; approvedBy: string } };
/** A checker turns down the reversal of `reference` waiting for approval (never its requester). */
export type RejectReversal = { type: 'RejectReversal'; data: { reference: string; reason: string; rejectedBy: string } };
/**
 * `waivedBy`: who asks (the maker when it needs approval); `reference` names the request a waiver above
 * the product's waiverApprovalAbove waits under (default `WAIVER-<revision of the request>`).
 */
export type WaiveCharge = {
  type: 'WaiveCharge';
  data: { kind: ChargeKind; amount?: string | null; reason: string; effectiveDate: string; waivedBy?: string; reference?: string | null };
};
/** A second person approves the pending waiver `reference` (never its maker). */
export type ApproveWaiver = { type: 'ApproveWaiver'; data: { reference: string; approvedBy: string } };
/** Turns a pending waiver down (its checker, or its maker withdrawing it). */
export type RejectWaiver = { type: 'RejectWaiver'; data: { reference: string; reason: string; rejectedBy: string } };
export type ApplyCharge = {
  type: 'ApplyCharge';
  /** `date` is the business date it is applied (and booked) on; `dueDate` picks the installment. */
  data: { kind: OfficerChargeKind; amount: string; dueDate: string; reason: string; date: string; appliedBy: string };
};
/** `firstClose`: no close of the book has completed before this one (it judges every night before `date` for no loan). */
export type CloseBusinessDay = { type: 'CloseBusinessDay'; data: { date: string; thresholds?: ClassificationThresholds; firstClose?: boolean } };
export type RescheduleLoan = {
  type: 'Reschedule';
  /** `calendar`: as on DisburseLoan, for the new schedule's due dates. */
  data: { reason: string; effectiveDate: string; term?: number | null; annualRate?: string | null; calendar?: WorkingCalendar };
};
export type RequestWriteOff = { type: 'RequestWriteOff'; data: { requestedBy: string; reason: string; date: string } };
export type ApproveWriteOff = { type: 'ApproveWriteOff'; data: { approvedBy: string; date: string } };
export type ReceiveRecovery = {
  type: 'ReceiveRecovery';
  data: { amount: string; channel: Channel; reference: string; effectiveDate: string };
};
export type RefundOverpayment = {
  type: 'RefundOverpayment';
  /**
   * `paidOut`: a payment channel has already paid it (a confirmed refund payout): the money has left
   * the lender and is recorded even if the credit it was reserved from was reversed away since.
   */
  data: { amount?: string | null; channel: RefundChannel; reference: string; date: string; paidOut?: boolean };
};
/** Brings a legacy loan over as of its cut-over date (see migration.ts); the application looked up customer and product. */
export type MigrateLoan = {
  type: 'MigrateLoan';
  data: Omit<LoanMigrated['data'], 'productId' | 'productVersion' | 'terms' | 'disbursement'> & {
    customer: { exists: boolean; erased: boolean };
    product: { productId: string; version: number; terms: ProductTerms };
    purpose: string;
    disbursement: Omit<LoanMigrated['data']['disbursement'], 'apr'>;
  };
};

export type LoanCommand =
  | SubmitApplication | RecordAssessment | ApproveLoan | RejectLoan | WithdrawLoan | DisburseLoan
  | ReceiveRepayment | ReverseRepayment | ApproveReversal | RejectReversal | WaiveCharge | ApproveWaiver | RejectWaiver | ApplyCharge | CloseBusinessDay | RescheduleLoan | RequestWriteOff | ApproveWriteOff
  | ReceiveRecovery | RefundOverpayment | MigrateLoan;
