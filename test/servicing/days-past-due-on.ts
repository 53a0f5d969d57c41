import { daysBetween } from '../../src/domain/calendar.js';
import { daysPastDue } from '../../src/domain/loan/delinquency.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import { replayServicing } from '../../src/domain/loan/servicing-replay.js';
import { installmentsTimeline } from '../../src/domain/loan/installments-on.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';

/**
 * An oracle for one day: the loan's days past due at the close of `day` as the history now stands —
 * the rows a replay of only the facts dated by `day` leaves (servicing-replay.ts, its own day limit),
 * the charges applied by then, and the class's own count (delinquency.ts daysPastDue: from the due
 * date of the oldest unpaid row, or from a late charge when that is all a row owes). A reschedule
 * keeps the rows already due as they stood (its contract starts from them, paid and dated), so a
 * kept row settled after `day` was still owed from its due date. One replay per call.
 */
export function daysPastDueOn(state: LoanState, day: string): number {
  return daysPastDueOfRows(state, replayServicing(state, state.terms?.allocationOrder ?? 'penalty-fee-interest-principal', loanContext(state), [], day).installments, day);
}

/**
 * daysPastDueOn for many days of one loan: the rows of each day read off one replay's timeline
 * (installments-timeline.ts, checked against a replay per date by its own property) instead of a replay per day.
 */
export function daysPastDueByDay(state: LoanState): (day: string) => number {
  const timeline = installmentsTimeline(state, loanContext(state));
  return (day) => daysPastDueOfRows(state, timeline.at(day), day);
}

function daysPastDueOfRows(state: LoanState, rows: readonly Installment[], day: string): number {
  let days = daysPastDue(rows, 0, day, state.charges.filter((charge) => charge.date <= day), state.currency);
  for (const row of rows) {
    if (row.settled && row.settledOn !== null && row.settledOn > day && row.dueDate < day) days = Math.max(days, daysBetween(row.dueDate, day));
  }
  return days;
}
