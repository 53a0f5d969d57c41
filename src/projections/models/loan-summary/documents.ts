import type { Outstanding } from '../../../domain/loan/figures.js';
import type { Classification, LoanStatus } from '../../../domain/loan/events.js';
import type { LoanFlag } from '../../../domain/loan/state.js';
import type { Frequency } from '../../../domain/product/events.js';
import type { Doc } from '../../../readstore/port.js';

export const LOAN_SUMMARY = 'loan_summary';

/** DESIGN.md "loan summary": view fields taken from the domain's loan figures, and the delinquency history. */
export interface LoanSummaryDoc extends Doc {
  customerId: string;
  productId: string;
  status: LoanStatus;
  flags: LoanFlag[];
  currency: string;
  /** Repayment frequency of the loan's terms. */
  frequency: Frequency;
  principal: string;
  /** Annual percentage rate disclosed at disbursement (IRR of the borrower's cash flows × periods a year), null before. */
  apr: string | null;
  outstanding: Outstanding;
  nextDue: { date: string; amount: string } | null;
  /** Flattened for the index on next due date. */
  nextDueDate: string | null;
  /** The day a penalty is owed on an installment paid only after its grace, not charged yet (latePenaltyFrom): close of business picks the loan from then. */
  latePenaltyFrom: string | null;
  /**
   * The first close that must visit a loan keyed in late that no close has caught up yet (the day after
   * the last close that ran without it, missedClosesThrough), null otherwise: close of business picks it
   * from then whatever is due. Absent on documents built before it.
   */
  missedClosesFrom?: string | null;
  /** The first day a penalty no close has charged yet is owed (unchargedPenaltyFrom): from then the query reads the loan's owed figures from the log. Absent on documents built before it. */
  unchargedPenaltyFrom?: string | null;
  /** Days past due as of `asOf`; a query ages it to its own business date from `oldestUnpaidDueDate`. */
  daysPastDue: number;
  /** Due date of the oldest installment still owed that is past due (null when none is). */
  oldestUnpaidDueDate: string | null;
  /** The date days past due run from on any date after it (LoanFigures.unpaidSince); null when nothing is owed. Absent on documents built before it. */
  unpaidSince?: string | null;
  classification: Classification;
  disbursedOn: string | null;
  closedOn: string | null;
  /**
   * The latest close of business date whose events for the loan are folded in (LoanState.lastEodDate;
   * null before any): a view ages the document to at least this close, whose standing it holds
   * (loan-summary-view.ts toLoanSummaryView, qa18 D5). Absent on documents built before it.
   */
  lastClose?: string | null;
  /** Business date of the latest event folded in: the figures are as of this day. */
  asOf: string;
  /** Spells the loan spent past due: `since` is the first day past due, `until` the day it was cured (null while open). */
  delinquency: { since: string; until: string | null }[];
  /** Scheduled principal, interest and fees net of waivers per due month (YYYY-MM), for collection rates. */
  dueByMonth: Record<string, string>;
}
