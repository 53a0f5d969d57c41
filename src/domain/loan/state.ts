import type { DayCount, ProductTerms } from '../product/events.js';
import type { Classification, LoanStatus } from './events.js';
import type { PaymentEntry } from './payment-book.js';

export type Component = 'penalty' | 'fee' | 'interest' | 'principal';
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
  submittedBy: string | null;
  approvedBy: string | null;
  assessment: { score: number; grade: string; decision: 'approve' | 'review' | 'decline' } | null;
  disbursement: { amount: string; netAmount: string; date: string; apr: string } | null;
  annualRate: string | null;
  installments: Installment[];
  /** Index of the oldest installment not yet settled (installments.length when all are). */
  firstUnsettled: number;
  principalOutstanding: string;
  /** Every repayment in order of arrival (see payment-book). */
  payments: PaymentEntry[];
  /** Latest effective date among payments: an earlier one is backdated. */
  lastPaymentDate: string | null;
  interestAccrued: string;
  interestAccruedThrough: string | null;
  daysPastDue: number;
  classification: Classification;
  creditBalance: string;
  writeOffRequest: { requestedBy: string; reason: string; date: string } | null;
  writtenOff: { date: string; total: string } | null;
  recoveries: Record<string, { amount: string; effectiveDate: string }>;
  recovered: string;
  rescheduledOn: string | null;
  /**
   * Latest business date a close-of-business event carries. A run that changes nothing leaves no
   * event, which is harmless: overdue, penalty and accrual facts only grow with the date.
   */
  lastEodDate: string | null;
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
    submittedBy: null,
    approvedBy: null,
    assessment: null,
    disbursement: null,
    annualRate: null,
    installments: [],
    firstUnsettled: 0,
    principalOutstanding: '0',
    payments: [],
    lastPaymentDate: null,
    interestAccrued: '0',
    interestAccruedThrough: null,
    daysPastDue: 0,
    classification: 'normal',
    creditBalance: '0',
    writeOffRequest: null,
    writtenOff: null,
    recoveries: {},
    recovered: '0',
    rescheduledOn: null,
    lastEodDate: null,
    closedOn: null,
    eventsFolded: 0,
  };
}

/** The parts of a loan's terms that allocation and accrual need. */
export interface LoanContext {
  currency: string;
  dayCount: DayCount;
}
