import type { Classification, LoanStatus } from '../../../domain/loan/events.js';
import type { LoanFlag, LoanState } from '../../../domain/loan/state.js';
import type { Doc } from '../../../readstore/port.js';
import type { Outstanding } from './loan-figures.js';

export const LOAN_SUMMARY = 'loan_summary';

/** DESIGN.md "loan summary" plus the schedule, the delinquency history and the domain state it was folded from. */
export interface LoanSummaryDoc extends Doc {
  customerId: string;
  productId: string;
  status: LoanStatus;
  flags: LoanFlag[];
  currency: string;
  principal: string;
  outstanding: Outstanding;
  nextDue: { date: string; amount: string } | null;
  /** Flattened for the index on next due date. */
  nextDueDate: string | null;
  daysPastDue: number;
  classification: Classification;
  disbursedOn: string | null;
  closedOn: string | null;
  /** Business date of the latest event folded in: the figures are as of this day. */
  asOf: string;
  /** Spells the loan spent past due: `since` is the first day past due, `until` the day it was cured (null while open). */
  delinquency: { since: string; until: string | null }[];
  /**
   * The domain state, so the next event is one `evolveLoan` instead of a replay. Its installments
   * carry due, paid and waived per row: the schedule view is read from them (the domain's `scheduleView`) rather
   * than rewritten as a second copy on every event.
   */
  state: LoanState;
}
