import type { LoanEvent, PenaltyCharged } from './events.js';
import { evolveLoan } from './evolve.js';
import { chargedPenaltyRows, penaltiesOwed } from './late-paid-penalty.js';
import { payoffQuote, type PayoffQuote } from './payoff.js';
import type { LoanState } from './state.js';

/**
 * The penalties the rule makes owed by `date` that no close has charged yet: one for each
 * installment still unpaid at the end of its last grace day when that day is before `date` (see
 * penaltiesOwed: dated the first day after the grace, priced on the row as it stood then). A
 * penalty is owed from that day whether or not a close has run since, so a payment dated on or
 * after it records it first, in its own append, and pays it like any charge owed; the payoff quote
 * for that date includes it (QA 9 Q5: paying a quote that left it out closed the loan, and no
 * close ever charged it, while paying 0.01 less cost 50.00 more). Only an open loan (active or
 * overdue) is charged, as only an open loan is closed. `reason` names the event it was recorded
 * before (not a close: the close's marks stay, see evolve).
 */
export function penaltiesOwedBy(state: LoanState, date: string, reason: string): PenaltyCharged[] {
  if (state.status !== 'active' && state.status !== 'overdue') return [];
  return penaltiesOwed(state, date, chargedPenaltyRows(state))
    .filter((event): event is PenaltyCharged => event.type === 'PenaltyCharged')
    .map((event) => ({ type: 'PenaltyCharged', data: { ...event.data, reason } }));
}

/** The loan with `events` folded into a copy (the same object when there are none): what a payment or quote on the same date decides on. */
export function foldedCopy(state: LoanState, events: readonly LoanEvent[]): LoanState {
  if (events.length === 0) return state;
  const next = structuredClone(state);
  for (const event of events) evolveLoan(next, event);
  return next;
}

/**
 * What closes the loan on `date` (payoffQuote) once the penalties owed by then are charged: the
 * amount a repayment dated `date` must carry to close it, as receiveRepayment decides it.
 */
export function payoffOwedOn(state: LoanState, date: string): PayoffQuote {
  return payoffQuote(owedOn(state, date), date);
}

/**
 * The loan as a payment dated `date` finds it: the penalties owed by then that no close has
 * charged yet folded into a copy (the same object when there are none). Every amount shown as owed
 * on a business date (summary, schedule, account centre, payoff) is read from this, so paying
 * what is shown leaves nothing past due (QA 10 R1).
 */
export function owedOn(state: LoanState, date: string): LoanState {
  return foldedCopy(state, penaltiesOwedBy(state, date, 'RepaymentReceived'));
}

