import type { DayCount, PrepaymentStrategy, ProductTerms } from '../product/events.js';
import type { ChargeKind, Classification, LoanStatus } from './events.js';
import type { PaymentEntry } from './payment-book.js';

export type Component = 'penalty' | 'fee' | 'interest' | 'principal';
/** A payment's prepayment override: keep the term and lower the installment, or keep the installment and shorten the term. */
export type PrepaymentOverride = 'reduce-installment' | 'reduce-term';
/** How in-advance money is applied: the product's strategy or a payment's `reduce-term` (`reduce-installment` is `re-amortise`). */
export type PrepaymentMode = PrepaymentStrategy | 'reduce-term';
/** One decimal string per component, in the loan's currency. */
export type Components = Record<Component, string>;
export type LoanFlag = 'npa' | 'charged-off';

/** A schedule row as the loan tracks it: what fell due, what was paid, what was waived. */
export interface Installment {
  number: number;
  /** Start of the interest period (disbursement or the previous due date). */
  fromDate: string;
  dueDate: string;
  due: Components;
  paid: Components;
  waived: Components;
  /** Nothing left owed on any component; kept so hot paths skip settled rows without arithmetic. */
  settled: boolean;
  /** First day past due, once close of business saw it unpaid. */
  overdueSince: string | null;
  /** Business date of the fact that left nothing owed on it (null while anything is): its delinquency ends there. */
  settledOn: string | null;
  /**
   * Set when principal was prepaid while this row's period ran (see running-period.ts), when a
   * prepayment re-priced the interest a grace deferred to this row (it earned that from the
   * disbursement), or when no principal was left while it had earned interest (forgoUnearned): by
   * `date` the row had earned `earned`; the rest of its interest (`due.interest` − `earned`) is
   * earned evenly from `date` to the due date, and what it earned by any earlier date is what it had
   * earned then (`interestBefore`, `earlier`). `rest` and `basis` are the rest-of-period interest
   * and the principal it was on just before the first prepayment that day (minor units, as decimal
   * strings; zero after forgoUnearned).
   */
  accrual?: InterestRebase;
  /**
   * Set on a row a re-amortisation recomputed (re-amortise.ts): the interest it gave the row and the
   * principal the row and later rows carried then (decimal strings). A later prepayment prices the
   * row's interest from these, × the principal they owe ÷ `principal`, as a contract row is priced
   * from the contract, so X then Y leave it as X + Y (prepaid-rows.ts, running-period.ts).
   */
  priced?: RowPricing;
}

/** What a re-amortisation priced a row with (see Installment.priced). */
export interface RowPricing {
  interest: string;
  principal: string;
}

/** Business days `from` through `to`, both included. */
export interface DaySpan {
  from: string;
  to: string;
}

/**
 * A day a row's interest was re-based: by the end of `date` it had earned `earned`, and until then it
 * owed `interestBefore` (its interest just before the day's first re-basing), on which it earned from
 * the previous re-basing (or its period's start). Decimal strings in the loan's currency.
 */
export interface EarnedPoint {
  date: string;
  earned: string;
  interestBefore: string;
}

/**
 * A running period's interest re-based on the principal left after a prepayment (see
 * Installment.accrual). `earlier` holds the period's earlier re-basings, oldest first (absent when
 * none): with `interestBefore`, the curve the row earned on up to `date`, so a re-basing moves only
 * what the row earns after its date, never what it had earned by an earlier one.
 */
export interface InterestRebase extends EarnedPoint {
  rest: string;
  basis: string;
  earlier?: readonly EarnedPoint[];
}

/** A waiver as recorded: what it waived of each installment, replayed at its effective date. */
export interface WaiverFact {
  sequence: number;
  date: string;
  kind: ChargeKind;
  parts: { number: number; amount: string }[];
}

/** A waiver waiting for a second person's approval (ChargeWaiverRequested without its reference). */
export interface WaiverRequest {
  kind: ChargeKind;
  amount: string;
  reason: string;
  effectiveDate: string;
  requestedBy: string;
}

/** A penalty close of business charged; it stands only if the installment was still unpaid that night. */
export interface PenaltyFact {
  sequence: number;
  date: string;
  number: number;
  amount: string;
}

/** A charge an officer applied: added to its installment's fee or penalty at its date, whatever was paid before. */
export interface ChargeFact {
  sequence: number;
  date: string;
  number: number;
  component: 'fee' | 'penalty';
  amount: string;
}

/**
 * Everything the loan decider needs, as plain JSON (decimal strings, no class instances) so it
 * can be snapshotted. Running totals (principal outstanding, credit balance) are kept so evolve and
 * close of business never sum the whole schedule.
 */
export interface LoanState {
  status: LoanStatus | 'none';
  flags: LoanFlag[];
  loanId: string | null;
  customerId: string | null;
  productId: string | null;
  productVersion: number | null;
  terms: ProductTerms | null;
  currency: string;
  principalRequested: string | null;
  principalApproved: string | null;
  term: number | null;
  /** Loan-level first due date asked for at application (null: one period after disbursement). */
  firstRepaymentDate: string | null;
  submittedBy: string | null;
  /** Business date of the application (null before it, or for one submitted before the date was kept). */
  submittedOn: string | null;
  approvedBy: string | null;
  /** Business date of the approval (null before it, or for an approval recorded before the date was kept). */
  approvedOn: string | null;
  assessment: { score: number; grade: string; decision: 'approve' | 'review' | 'decline' } | null;
  disbursement: { amount: string; netAmount: string; date: string; apr: string; keyedInAfter?: string } | null;
  annualRate: string | null;
  /**
   * The contract the servicing facts replay over: the schedule as disbursed or last rescheduled,
   * with whatever was paid, waived or charged before a reschedule baked in (nothing may be dated
   * before a reschedule, so that part never re-runs).
   */
  contract: Installment[];
  /**
   * The installments as the facts leave them: `contract` with every payment, waiver and penalty
   * since applied in effective-date order (derived; see servicing-replay).
   */
  installments: Installment[];
  /** Index of the oldest installment not yet settled (installments.length when all are). */
  firstUnsettled: number;
  /** Derived: principal still owed over the installments. */
  principalOutstanding: string;
  /** Every repayment in order of arrival (see payment-book). */
  payments: PaymentEntry[];
  /** Repayments that overrode the product's prepayment strategy, by reference. */
  prepaymentOverrides: Record<string, PrepaymentOverride>;
  /** Reversals waiting for a second person's approval, by repayment reference. */
  reversalRequests: Record<string, { amount: string; reason: string; effectiveDate: string; requestedBy: string }>;
  /** References of reversed repayments: remembered (a reference is never reused) but never replayed. */
  reversed: string[];
  /** Those of them reversed by a second person's approval (an approval replayed is then a no-op, not a refusal). */
  approvedReversals: string[];
  /** Payments with a lower sequence are baked into `contract` (they came before a reschedule). */
  replayFrom: number;
  waivers: WaiverFact[];
  /** Waivers above the product's waiverApprovalAbove waiting for a second person, by reference. */
  waiverRequests: Record<string, WaiverRequest>;
  /** References of waiver requests approved or rejected: an approval replayed is a no-op, a spent reference is never reused. */
  decidedWaivers: Record<string, 'approved' | 'rejected'>;
  penalties: PenaltyFact[];
  charges: ChargeFact[];
  /** Sort key of the latest fact applied: a fact sorting before it re-runs the replay. */
  lastFactKey: string | null;
  /** Latest effective date among payments: an earlier one is backdated. */
  lastPaymentDate: string | null;
  /** Interest is recognised (accrued) through this date; see figures. */
  interestAccruedThrough: string | null;
  /**
   * The day accruals here start from (the disbursement; a migrated loan's cut-over): the loan's
   * non-performing days, whose interest is suspended until paid, are read from its rows after it
   * (non-performing-days.ts suspendedSpans), so they follow the history as it stands.
   */
  accruingSince: string | null;
  /** Interest earned up to a reschedule and added to the principal it re-amortised. */
  capitalizedInterest: string;
  /** Of capitalizedInterest, what was earned on non-performing days: held in interest_in_suspense until cash repays it (QA 8 N5). */
  capitalizedSuspended: string;
  daysPastDue: number;
  classification: Classification;
  /** Derived: every payment's excess less what was refunded. */
  creditBalance: string;
  /** Refunds by reference, so a replayed refund pays nothing twice. */
  refunds: Record<string, { amount: string; date: string }>;
  refunded: string;
  writeOffRequest: { requestedBy: string; reason: string; date: string } | null;
  /** What was written off, per component as the books carried it on that date. */
  /** `total`: the loss booked (what the books carried); `claim`: what the borrower owed that day, `total` plus what was never booked (LoanWrittenOff.notBooked). */
  /** `notBooked`: the claim's interest, fees and penalties the books never carried (the claim is `total` plus them). */
  writtenOff: {
    date: string; total: string; claim: string; principal: string; interest: string; fee: string; penalty: string; refundDue: string;
    notBooked: { interest: string; fees: string; penalties: string };
  } | null;
  recoveries: Record<string, { amount: string; effectiveDate: string }>;
  recovered: string;
  /** References of reversed recoveries: no longer in `recovered`, and never reused. */
  reversedRecoveries: string[];
  rescheduledOn: string | null;
  /**
   * Latest business date a close-of-business event carries. A run that changes nothing leaves no
   * event, which is harmless: overdue, penalty and accrual facts only grow with the date.
   */
  lastEodDate: string | null;
  /**
   * The last close a history change judged the loan as of (reclassification.ts: its InstallmentOverdue
   * events carry that close's date), when later than `lastEodDate`: a close that found nothing new to
   * record for the loan leaves no event, so only the command that judged the loan as of it knows it ran.
   */
  judgedThrough?: string | null;
  /**
   * Date of the latest class move recorded (LoanClassified, by a close or a history change); null or
   * absent before the first. A close catching up nights no close judged records each move it missed
   * after it, never before (missed-class-moves.ts).
   */
  classifiedOn?: string | null;
  /**
   * Earliest effective date of a fact recorded, or a payment reversed, on or before `lastEodDate`
   * since the last close of business that recorded anything (null when none): an installment whose
   * grace ended on or after it is judged again by the next close, which may now owe its penalty
   * (late-paid-penalty.ts). Any close-of-business event clears it.
   */
  penaltyReviewFrom: string | null;
  closedOn: string | null;
  /**
   * Events folded into this state. Folded from a whole stream it is the stream's length, so a copy
   * kept elsewhere (the loan book) can decide and append at revision eventsFolded − 1: the store
   * refuses the append if the copy missed an event.
   */
  eventsFolded: number;
}

export function initialLoanState(): LoanState {
  return {
    status: 'none',
    flags: [],
    loanId: null,
    customerId: null,
    productId: null,
    productVersion: null,
    terms: null,
    currency: 'CNY',
    principalRequested: null,
    principalApproved: null,
    term: null,
    firstRepaymentDate: null,
    submittedBy: null,
    submittedOn: null,
    approvedBy: null,
    approvedOn: null,
    assessment: null,
    disbursement: null,
    annualRate: null,
    contract: [],
    installments: [],
    firstUnsettled: 0,
    principalOutstanding: '0',
    payments: [],
    prepaymentOverrides: {},
    reversalRequests: {},
    reversed: [],
    approvedReversals: [],
    replayFrom: 0,
    waivers: [],
    waiverRequests: {},
    decidedWaivers: {},
    penalties: [],
    charges: [],
    lastFactKey: null,
    lastPaymentDate: null,
    interestAccruedThrough: null,
    accruingSince: null,
    capitalizedInterest: '0',
    capitalizedSuspended: '0',
    daysPastDue: 0,
    classification: 'normal',
    creditBalance: '0',
    refunds: {},
    refunded: '0',
    writeOffRequest: null,
    writtenOff: null,
    recoveries: {},
    recovered: '0',
    reversedRecoveries: [],
    rescheduledOn: null,
    lastEodDate: null,
    penaltyReviewFrom: null,
    closedOn: null,
    eventsFolded: 0,
  };
}

/** The parts of a loan's terms that allocation and accrual need. */
export interface LoanContext {
  currency: string;
  dayCount: DayCount;
  /** The date 30/360's month-end rule is anchored on: the disbursement date. */
  anchor: string;
  /** What money paid ahead of a due date pays (see ProductTerms.prepaymentStrategy), or a payment's own `reduce-term`. */
  prepayment: PrepaymentMode;
  /** The terms and current annual rate the remaining rows are re-amortised with (absent: in-advance principal pays the last rows). */
  schedule?: { terms: ProductTerms; annualRate: string };
  /**
   * Grace on interest: the installment that collects the interest deferred by the grace periods
   * (number N + 1) earns it from `from` (the disbursement), not only over its own period.
   */
  deferredInterest?: { number: number; from: string };
  /** The rows as disbursed or last rescheduled (LoanState.contract): each row's scheduled interest and service fee. */
  contract?: readonly Installment[];
}
