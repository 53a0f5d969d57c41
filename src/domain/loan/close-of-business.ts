import type { ReplayMemo } from './replay-memo.js';
import { addDays, endOfMonth, parseDate } from '../calendar.js';
import { classify, DEFAULT_THRESHOLDS, type ClassificationThresholds } from './classification.js';
import { daysPastDue, pastDueInstallments } from './delinquency.js';
import { markedButNotCounted } from './derived-state.js';
import { missedClassMoves } from './missed-class-moves.js';
import { chargedPenaltyRows, penaltiesOwed } from './late-paid-penalty.js';
import type { LoanEvent } from './events.js';
import { evolveLoan } from './evolve.js';
import { recognisedInterest, recognisedInterestBetween } from './figures.js';
import { fmt, nextUnsettled, owedTotal } from './installment.js';
import { formatMinor } from '../schedule/minor-units.js';
import { minorUnits } from '../money.js';
import { nonPerformingBetween, suspendedSpans } from './non-performing-days.js';
import { stateAsOf } from './state-as-of.js';
import type { Installment, LoanState } from './state.js';

/** Due date of the first installment falling due after `date`, by binary search (installments are date-ordered). */
function nextDueDate(installments: readonly Installment[], date: string): string | null {
  let lo = 0;
  let hi = installments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((installments[mid] as Installment).dueDate <= date) lo = mid + 1;
    else hi = mid;
  }
  return installments[lo]?.dueDate ?? null;
}

/** The first day after `through` on which interest is posted: the next month-end or due date, whichever is first. */
function nextAccrualDay(state: LoanState, through: string): string {
  const monthEnd = endOfMonth(addDays(through, 1));
  const due = nextDueDate(state.installments, through);
  return due !== null && due < monthEnd ? due : monthEnd;
}

/** The last month-end or due date after `from` and on or before `date`; null when there is none. */
function lastAccrualDay(state: LoanState, from: string, date: string): string | null {
  let last: string | null = null;
  for (let day = nextAccrualDay(state, from); day <= date; day = nextAccrualDay(state, day)) last = day;
  return last;
}

/**
 * Posts, at the close of `date`, the interest earned from the last posting through `to`, a month-end
 * or due date (the days interest is posted on). Interest earned on the days the loan was
 * non-performing (days past due above NPA_AFTER_DAYS at that day's close, read from the rows as of
 * `to`) is suspended, not income: a period the loan crossed the threshold in splits at that day,
 * whichever day the close ran, so a close that catches up many days books what closing each of them
 * would have.
 */
function accrueOn(state: LoanState, date: string, to: string): LoanEvent[] {
  const from = state.interestAccruedThrough;
  if (from === null || to <= from) return [];
  const spans = nonPerformingBetween(state, from, to);
  // What accrual adds is what the loan's figures recognise through `to` beyond `from`: waived
  // interest is never accrued, and suspended interest is recognised only when paid. The
  // non-performing days are read from the rows (suspendedSpans), as the figures read them.
  const amount = recognisedInterestBetween(state, from, to);
  const suspended = spans.length === 0 ? 0n : recognisedInterest(state, to, suspendedSpans(state, from)) - recognisedInterest(state, to);
  // Nothing to book while the loan stays non-performing: the next posting that books income splits its period again.
  if (amount <= 0n) return [];
  const places = minorUnits(state.currency);
  const data = { date, from, to, amount: formatMinor(amount, places) };
  return [{ type: 'InterestAccrued', data: suspended > 0n ? { ...data, suspended: { amount: formatMinor(suspended, places), spans } } : data }];
}

/**
 * The accruals a close on `date` posts: first those of each posting day after the last posting and
 * before `date` that the nightly closes would have posted on (a loan no close has visited since,
 * such as one keyed in late): every month-end, whose close visits every loan still owing, and each
 * due date on which a row due by then was unpaid, whose close visits the loan (loan-book.ts), each
 * priced on the loan as it stood that night. (Posting month-ends only, a catch-up of a loan that
 * turned non-performing after a due date booked the performing days since that due date with the
 * month-end, so a payment into the non-performing days was income a posting early: 90.55 where the
 * nightly book held 90.54 and 0.01 in advance, seed -569850781.) Then `date`'s own, through the last month-end or due
 * date reached, never past it: a close on a day interest is not posted on (a catch-up, or the first
 * visit after one) posts what a close on that day would have, priced on the loan as it stood then,
 * not the days since. (A loan keyed in on 05-17 whose row 1 turned 90 days past due on 05-16 had the
 * performing day after the 05-15 due date booked by its first close, where closing nightly books it
 * only at the month-end: written off the next day, it booked 21.93 more income and loss.) A loan its
 * closes kept up with has no such month-end, so an ordinary night costs nothing more.
 *
 * A history change that makes interest owed for posting days its closes judged records the same
 * postings (reclassification.ts) `as-it-stands`: priced on the loan with every fact it now holds,
 * since such an accrual is a late correction, booked with the loan's latest entries on its current
 * figures, and an accrual event says what the ledger books for it (seedhunt14 N1: a payment dated
 * 06-02 had paid 4.58 of a row's interest, 0.01 more than its performing days earned through 05-31,
 * so that 0.01 was income already; priced on the loan as of 06-01, the 06-01 posting said 0.33 where
 * the ledger booked 0.32).
 */
export function accrue(state: LoanState, date: string, memo: ReplayMemo, pricing: 'each-night' | 'as-it-stands' = 'each-night'): LoanEvent[] {
  const events: LoanEvent[] = [];
  let through = state.interestAccruedThrough;
  if (through === null) return [];
  const priced = (day: string) => (pricing === 'as-it-stands' || day === date ? state : stateAsOf(state, day, memo));
  for (let day = nextAccrualDay(state, through); day < date; day = nextAccrualDay(state, day)) {
    const asOf = priced(day);
    // A due date is posted on where its night's close visited the loan: a row due by then and unpaid (loan-book.ts). A
    // history change's postings are one late correction, booked on its date through the last posting day it reached.
    if (day !== endOfMonth(day) && (pricing === 'as-it-stands' || !owingBy(asOf.installments, day))) continue;
    const posted = accrueOn({ ...asOf, interestAccruedThrough: through }, day, day);
    if (posted.length === 0) continue;
    events.push(...posted);
    through = day;
  }
  const to = lastAccrualDay(state, through, date);
  if (to === null) return events;
  const asOf = priced(to);
  return [...events, ...accrueOn(through === asOf.interestAccruedThrough ? asOf : { ...asOf, interestAccruedThrough: through }, date, to)];
}

/** Whether a row due on or before `day` is unpaid in `rows`: the close of `day` visits such a loan (its next due date has come). */
function owingBy(rows: readonly Installment[], day: string): boolean {
  const first = rows[nextUnsettled(rows, 0)];
  return first !== undefined && first.dueDate <= day;
}

/** A copy of the loan with `events` folded. */
function folded(state: LoanState, events: readonly LoanEvent[], memo: ReplayMemo): LoanState {
  const next = structuredClone(state);
  for (const event of events) evolveLoan(next, event, memo);
  return next;
}

/**
 * Close of business for one loan on `date`: emits only what changed (an installment fell due
 * unpaid, a penalty, a classification move, a month-end or due-date accrual). Running a date
 * twice, or a date before the last one processed, emits nothing.
 *
 * The loan is judged as of `date` (stateAsOf): facts dated later — a payment recorded before a
 * catch-up over missed dates but dated after the one being closed — did not exist that day, so a
 * catch-up records the same overdue rows, penalties, classification moves and accruals, on the same
 * dates and for the same amounts, as closing each date on its night. Within the close, facts apply
 * in their effective order: overdue and penalties, then the classification, then the accrual, whose
 * income stops where the loan became non-performing. `bookClosedThrough`: absent on a book closed every
 * night before `date`; for a command catching up the nights a loan it ends or rewrites missed
 * (missed-closes.ts), the book's last close, or null for the book's first close: the nights after it
 * were closed for no loan, so their class moves are recorded too (missed-class-moves.ts).
 */
export function closeBusinessDay(current: LoanState, date: string, thresholds: ClassificationThresholds = DEFAULT_THRESHOLDS, memo: ReplayMemo, bookClosedThrough?: string | null): LoanEvent[] {
  parseDate(date);
  if (current.status !== 'active' && current.status !== 'overdue') return [];
  if (current.disbursement === null || date < current.disbursement.date) return [];
  if (current.lastEodDate !== null && date < current.lastEodDate) return [];
  const state = stateAsOf(current, date, memo);
  const events: LoanEvent[] = [];
  for (const inst of pastDueInstallments(state.installments, state.firstUnsettled, date, state.charges, state.currency)) {
    // Marked before but not counted overdue (owing only a charge applied after an earlier close): past due now, marked again.
    if (inst.overdueSince === null || markedButNotCounted(inst, state)) {
      events.push({ type: 'InstallmentOverdue', data: { number: inst.number, dueDate: inst.dueDate, amountDue: fmt(owedTotal(inst), state.currency), date } });
    }
  }
  const penalties = penaltiesOwed(state, date, chargedPenaltyRows(state), memo);
  events.push(...penalties);
  // The class is that of the loan as the close leaves it: a penalty on an installment paid late
  // reopens it (rare, so the fold is too).
  const closed = penalties.length === 0 ? state : folded(state, events, memo);
  // Replayed, a penalty on a row paid late is paid first by later payments, which can leave a row they
  // covered short: past due as of this close, and recorded so (QA 8 N6).
  if (closed !== state) {
    for (const inst of pastDueInstallments(closed.installments, closed.firstUnsettled, date, closed.charges, closed.currency)) {
      if (inst.overdueSince !== null) continue;
      const overdue: LoanEvent = { type: 'InstallmentOverdue', data: { number: inst.number, dueDate: inst.dueDate, amountDue: fmt(owedTotal(inst), state.currency), date } };
      events.push(overdue);
      evolveLoan(closed, overdue, memo);
    }
  }
  // A loan no close has judged yet records the moves of the nights it missed first, each on its night (qa19 Q8).
  const missed = missedClassMoves(current, closed, date, thresholds, memo, bookClosedThrough);
  events.push(...missed);
  const classOf = missed.at(-1)?.data.to ?? state.classification;
  const dpd = daysPastDue(closed.installments, closed.firstUnsettled, date, closed.charges, closed.currency);
  const to = classify(dpd, thresholds);
  if (to !== classOf) events.push({ type: 'LoanClassified', data: { from: classOf, to, dpd, date } });
  // Accrued on the loan as its penalties leave it: a back-dated one re-allocates later payments (less paid ahead), so
  // the interest recognised, which the ledger books from the figures after them, is priced on those rows.
  return [...events, ...accrue(closed, date, memo)];
}
