import type { Sealed } from '../customer/events.js';
import type { DomainEvent } from '../decider.js';
import type { ProductTerms } from '../product/events.js';
import type { DaySpan, PrepaymentOverride } from './state.js';

/** Amounts are decimal strings in the loan's currency, rounded to its minor unit; dates are YYYY-MM-DD. */
export type Channel = 'online' | 'bank_transfer' | 'alipay' | 'wechat';
/** How a refund left: a payout channel, or `cash` handed over at a counter against a receipt (the admin's decree, the one refund no channel carries). */
export type RefundChannel = Channel | 'cash';
export type Classification = 'normal' | 'special-mention' | 'substandard' | 'doubtful' | 'loss';
export type ChargeKind = 'penalty' | 'fee' | 'interest';
/** A charge an officer applies to a loan (see charge.ts for which component each one adds to). */
export type OfficerChargeKind = 'document-fee' | 'late-fee' | 'collection-fee';

export interface ScheduleRow {
  number: number;
  dueDate: string;
  principal: string;
  interest: string;
  fee: string;
  total: string;
  /** Principal balance after this row. */
  balance: string;
}

export interface Allocation {
  penalty: string;
  fee: string;
  interest: string;
  principal: string;
  excess: string;
}

export interface InstallmentAllocation {
  number: number;
  penalty: string;
  fee: string;
  interest: string;
  principal: string;
}

export interface CreditReason {
  code: string;
  message: string;
  points: number;
}

export type LoanApplicationSubmitted = DomainEvent<'LoanApplicationSubmitted', {
  loanId: string;
  customerId: string;
  productId: string;
  productVersion: number;
  /** The product's terms as they stood: the loan keeps them even if the product is amended. */
  terms: ProductTerms;
  principal: string;
  term: number;
  purpose: string;
  submittedBy: string;
  /** Loan-level first due date, if the application asked for one (absent on applications before it existed). */
  firstRepaymentDate?: string | null;
  /** Business date of the application: today, or earlier for a loan keyed in late (absent on applications before it was kept). */
  submittedOn?: string;
  /** The loan agreement accepted with the application: SHA-256 (hex) of its canonical rendering and the acceptance time (absent when none was presented). */
  agreement?: { hash: string; acceptedAt: string };
}>;
/**
 * Schema v2: `inputs.monthlyIncome` is sealed with the customer's key, as KycSubmitted's is, and no
 * reason names it (personal information that erasure must leave unreadable, PIPL art. 4, 47). Score,
 * grade, decision, the debt-to-income ratio, the other inputs and the reasons stay in clear: the
 * lender's record of its own credit decision. v1 events hold the income in clear, also in the income
 * reason's message; the upcaster hands them out as v2, the income a `recordedInClear` value
 * (recorded-in-clear.ts) and the reasons without it.
 */
export type CreditAssessed = DomainEvent<'CreditAssessed', {
  score: number;
  grade: 'A' | 'B' | 'C' | 'D' | 'E';
  decision: 'approve' | 'review' | 'decline';
  reasons: CreditReason[];
  scorecardVersion: string;
  /**
   * The inputs the scorecard saw, so the decision can be explained later exactly: `monthlyIncome`
   * sealed (a decimal string, 2 places, once opened); amounts decimal strings, `debtToIncome` in percent.
   */
  inputs: { monthlyIncome: Sealed } & Record<string, string | number | null>;
}>;
/** `date`: the business date approved (absent on approvals recorded before it was kept). */
export type LoanApproved = DomainEvent<'LoanApproved', { approvedPrincipal: string; approver: string; note: string | null; date?: string }>;
export type LoanRejected = DomainEvent<'LoanRejected', { reason: string; rejectedBy: string }>;
export type LoanApplicationWithdrawn = DomainEvent<'LoanApplicationWithdrawn', { reason: string | null }>;
export type LoanDisbursed = DomainEvent<'LoanDisbursed', {
  amount: string;
  /** Cash paid to the borrower: amount less fees deducted at disbursement. */
  netAmount: string;
  fees: { kind: string; amount: string }[];
  date: string;
  channel: Channel;
  apr: string;
  schedule: ScheduleRow[];
  /**
   * The last close of business when the disbursement was recorded, present only when it is on or
   * after the disbursement's date: the loan was keyed in late, and the closes through that date ran
   * without it (missed-closes.ts). Absent on loans recorded before any close reached their date, and
   * on every disbursement recorded before this field existed.
   */
  keyedInAfter?: string;
}>;
export type RepaymentReceived = DomainEvent<'RepaymentReceived', {
  amount: string;
  channel: Channel;
  reference: string;
  effectiveDate: string;
  allocation: Allocation;
  installments: InstallmentAllocation[];
  /** The payment's prepayment override, when it had one (absent: the product's prepaymentStrategy). */
  prepayment?: PrepaymentOverride;
}>;
export type RepaymentReversed = DomainEvent<'RepaymentReversed', {
  reference: string;
  /** The reversed payment's amount, for the record. */
  amount: string;
  reason: string;
  /** Business date the reversal is booked on (never before the payment's own date). */
  effectiveDate: string;
  reversedBy: string;
  /** The second person who approved it, when its amount needed approval (see ProductTerms.reversalApprovalAbove). */
  approvedBy?: string;
}>;
/** A reversal above the product's reversalApprovalAbove, waiting for a second person's approval; nothing is reversed yet. */
export type RepaymentReversalRequested = DomainEvent<'RepaymentReversalRequested', {
  reference: string;
  amount: string;
  reason: string;
  /** Business date the reversal will be booked on once approved. */
  effectiveDate: string;
  requestedBy: string;
}>;
/** A reversal waiting for approval that a checker turned down: nothing was reversed, and the repayment may be asked to be reversed again. */
export type RepaymentReversalRejected = DomainEvent<'RepaymentReversalRejected', { reference: string; reason: string; rejectedBy: string }>;
/**
 * Interest recognised as income for the days after `from` through `to`. `suspended` (absent when
 * none) is what the loan earned on the days of `spans` it was non-performing (days past due above
 * the substandard threshold at that day's close): not income, and not in `amount`. `reason`: set when a
 * history change (not a close) recorded it, naming the event that made interest owed for posting days
 * the closes had already judged (reclassification.ts: a bounce reopening principal on a loan those closes
 * found owing none); such an accrual is a late correction, booked in the open period.
 */
export type InterestAccrued = DomainEvent<'InterestAccrued', { date: string; from: string; to: string; amount: string; suspended?: { amount: string; spans: DaySpan[] }; reason?: string }>;
/** `reason`: set when a history change (not a close) recorded it, naming the event that left the row past due. */
export type InstallmentOverdue = DomainEvent<'InstallmentOverdue', { number: number; dueDate: string; amountDue: string; date: string; reason?: string }>;
/**
 * `reason`: set when a payment (not a close) recorded it, naming the event it was recorded before (penalties-owed-by.ts).
 * `lastClose`: on such a penalty, the last night the book's close of business had judged when it was recorded (null: no
 * close had run yet), when the command was told it (decider.ts). A penalty for a night after it is booked on its night,
 * as that night's close would have booked it; one for a night already judged is a late correction (qa21 #7). Absent on
 * penalties recorded before it was kept, and on those a close records.
 */
export type PenaltyCharged = DomainEvent<'PenaltyCharged', { number: number; amount: string; date: string; reason?: string; lastClose?: string | null }>;
export type ChargeWaived = DomainEvent<'ChargeWaived', {
  kind: ChargeKind;
  amount: string;
  reason: string;
  installments: { number: number; amount: string }[];
  /** Business date the waiver takes effect (absent on waivers recorded before it was carried). */
  effectiveDate?: string;
  /** Set when it needed a second person (ProductTerms.waiverApprovalAbove): the request's reference, its maker and its checker. */
  reference?: string;
  requestedBy?: string;
  approvedBy?: string;
}>;
/**
 * A waiver above the product's waiverApprovalAbove, waiting for a second person's approval under
 * `reference`; nothing is waived yet. `amount` is what it will waive (all that was waivable when
 * the request gave none), decimal string in the loan's currency.
 */
export type ChargeWaiverRequested = DomainEvent<'ChargeWaiverRequested', {
  reference: string;
  kind: ChargeKind;
  amount: string;
  reason: string;
  /** Business date the waiver will take effect once approved. */
  effectiveDate: string;
  requestedBy: string;
}>;
/** A pending waiver a checker (or its maker, withdrawing it) turned down: nothing was waived, the reference is spent. */
export type ChargeWaiverRejected = DomainEvent<'ChargeWaiverRejected', { reference: string; reason: string; rejectedBy: string }>;
export type ChargeApplied = DomainEvent<'ChargeApplied', {
  kind: OfficerChargeKind;
  /** The component it adds to: `fee` for a service charge, `penalty` for one the borrower's default caused. */
  component: 'fee' | 'penalty';
  amount: string;
  /** The charge's own due date, as the officer gave it. */
  dueDate: string;
  /** The installment it was added to: the one whose period holds dueDate (the last one past the schedule). */
  number: number;
  reason: string;
  /** Business date the charge was applied (and booked): it is replayed there among the loan's other facts. */
  date: string;
  appliedBy: string;
}>;
/**
 * The loan's class moved: `dpd` days past due as of `date`, the close they are counted to. `reason`
 * is absent when close of business moved it, else the event that changed the history and with it
 * the days past due as of the last close (a reversal, a back-dated repayment, a waiver…), in the same append.
 */
export type LoanClassified = DomainEvent<'LoanClassified', { from: Classification; to: Classification; dpd: number; date: string; reason?: string }>;
export type LoanRescheduled = DomainEvent<'LoanRescheduled', {
  reason: string;
  effectiveDate: string;
  annualRate: string;
  term: number;
  schedule: ScheduleRow[];
  /** Interest earned up to the effective date, added to the principal the new schedule repays (absent before it was kept). */
  capitalizedInterest?: string;
  /** Of it, interest earned on days the loan was non-performing: suspended, not income until paid (absent when none). */
  capitalizedSuspended?: string;
  /** APR of the new schedule (irr-nominal, percent), which the loan discloses from then on (absent before it was kept). */
  apr?: string;
}>;
export type LoanWriteOffRequested = DomainEvent<'LoanWriteOffRequested', { requestedBy: string; reason: string; date: string }>;
export type LoanWrittenOff = DomainEvent<'LoanWrittenOff', {
  date: string;
  principal: string;
  interest: string;
  fees: string;
  penalties: string;
  /** A refund paid out against a repayment since reversed, owed back and written off with the rest (absent before it existed). */
  refundDue?: string;
  /**
   * What the borrower owed that day beyond what the books carried (decimal strings; absent before it
   * existed, i.e. zero): contract interest earned but never accrued (accrual suspended once the loan
   * was NPA, or earned since the last accrual posting) and fees fallen due since. Written off the
   * borrower's claim with the rest, but never booked: interest not accrued is not income, so it leaves
   * no loss in the ledger (a memo amount). `penalties`: those an NPA loan owed and never booked
   * (absent before it existed: the penalties owed were all booked then).
   */
  notBooked?: { interest: string; fees: string; penalties?: string };
  requestedBy: string;
  approvedBy: string;
}>;
export type RecoveryReceived = DomainEvent<'RecoveryReceived', { amount: string; channel: Channel; reference: string; effectiveDate: string }>;
/**
 * A recovery undone (a bounced transfer, a posting error): the money never stood, so what was
 * recovered and the recovery income go down by `amount` and the claim left goes back up. The same
 * fields as a repayment's reversal (`approvedBy` when a second person approved it).
 */
export type RecoveryReversed = DomainEvent<'RecoveryReversed', RepaymentReversed['data']>;
export type LoanOverpaid = DomainEvent<'LoanOverpaid', { amount: string; date: string }>;
export type RefundIssued = DomainEvent<'RefundIssued', { amount: string; channel: RefundChannel; reference: string; date: string }>;
export type LoanClosed = DomainEvent<'LoanClosed', { date: string; reason: 'obligations_met' | 'overpayment_refunded' }>;

/** One legacy schedule row as the old system had it at cut-over: per component what fell due, was paid and was waived. */
export interface MigratedRow {
  number: number;
  dueDate: string;
  due: { principal: string; interest: string; fee: string; penalty: string };
  paid: { principal: string; interest: string; fee: string; penalty: string };
  /** Principal is never waived (lendcore waives only charges and interest). */
  waived: { interest: string; fee: string; penalty: string };
}

/**
 * A loan brought over from a legacy system as of `cutoverDate` (see src/domain/loan/migration.ts
 * and docs/migration.md): its terms, disbursement and schedule with what was paid and waived there
 * baked in, and the legacy repayments (never re-allocated: they stand as the old system applied
 * them). Servicing continues from the cut-over date.
 */
export type LoanMigrated = DomainEvent<'LoanMigrated', {
  loanId: string;
  customerId: string;
  productId: string;
  productVersion: number;
  terms: ProductTerms;
  /** Where it came from: the legacy system's name and loan id. */
  source: { system: string; loanId: string };
  cutoverDate: string;
  annualRate: string;
  term: number;
  disbursement: { amount: string; netAmount: string; fees: { kind: string; amount: string }[]; date: string; channel: Channel; apr: string };
  schedule: MigratedRow[];
  /** Legacy repayments up to the cut-over; their sum is what the schedule shows paid. */
  payments: { reference: string; amount: string; effectiveDate: string }[];
  migratedBy: string;
}>;

export type LoanEvent =
  | LoanApplicationSubmitted | CreditAssessed | LoanApproved | LoanRejected | LoanApplicationWithdrawn
  | LoanDisbursed | RepaymentReceived | RepaymentReversalRequested | RepaymentReversalRejected | RepaymentReversed | InterestAccrued | InstallmentOverdue | PenaltyCharged
  | ChargeWaived | ChargeWaiverRequested | ChargeWaiverRejected | ChargeApplied | LoanClassified | LoanRescheduled | LoanWriteOffRequested | LoanWrittenOff
  | RecoveryReceived | RecoveryReversed | LoanOverpaid | RefundIssued | LoanClosed | LoanMigrated;

export type LoanStatus =
  | 'submitted' | 'assessed' | 'approved' | 'rejected' | 'withdrawn'
  | 'active' | 'overdue' | 'overpaid' | 'closed' | 'written_off';
