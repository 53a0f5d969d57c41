import { addDays } from '../calendar.js';
import { dayCountDays } from '../day-count.js';
import { Dec, type Decimal } from '../decimal.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor, roundRatio } from '../schedule/minor-units.js';
import type { DaySpan, EarnedPoint, Installment, InterestRebase, LoanContext } from './state.js';

// The schedule's own day count (with its month-end anchor), so accruals and payoffs count days as the schedule did.
function periodDays(from: string, to: string, ctx: LoanContext): number {
  return dayCountDays(from, to, ctx.dayCount, ctx.anchor);
}

/** earnedInterest in minor units: month-end accrues every loan in the book, and integers keep that pass cheap. */
export function earnedMinor(inst: Installment, date: string, ctx: LoanContext, places: number): bigint {
  const interest = minorOf(inst.due.interest, places);
  if (date >= inst.dueDate) return interest;
  // The row collecting deferred interest earned it from the disbursement, any other row from its period's start.
  const from = ctx.deferredInterest?.number === inst.number ? ctx.deferredInterest.from : inst.fromDate;
  const rebase = inst.accrual;
  if (rebase === undefined) return earnedSince(from, 0n, interest, date, inst.dueDate, ctx);
  // A period re-based by prepayments earned, up to each re-basing, on the interest it owed until then (so a
  // re-basing never moves what it had earned by an earlier day), and the rest evenly after the last one.
  let start = from;
  let startEarned = 0n;
  for (const point of rebase.earlier ?? []) {
    if (date <= point.date) return earnedUpTo(point, start, startEarned, date, inst.dueDate, ctx, places);
    start = point.date;
    startEarned = minorOf(point.earned, places);
  }
  if (date <= rebase.date) return earnedUpTo(rebase, start, startEarned, date, inst.dueDate, ctx, places);
  return earnedSince(rebase.date, minorOf(rebase.earned, places), interest, date, inst.dueDate, ctx);
}

/** What a row owing `interest` earned by the end of `date`: `startEarned` by `start`, and the rest evenly from there to `dueDate`. */
function earnedSince(start: string, startEarned: bigint, interest: bigint, date: string, dueDate: string, ctx: LoanContext): bigint {
  if (date <= start) return startEarned;
  const total = periodDays(start, dueDate, ctx);
  if (total <= 0) return interest;
  return startEarned + roundRatio((interest - startEarned) * BigInt(periodDays(start, date, ctx)), BigInt(total), 'HALF_EVEN');
}

/** What a row earned by the end of `date`, on or before re-basing `point`: on the interest it owed until then, from `start`. */
function earnedUpTo(point: EarnedPoint, start: string, startEarned: bigint, date: string, dueDate: string, ctx: LoanContext, places: number): bigint {
  if (date === point.date) return minorOf(point.earned, places);
  return earnedSince(start, startEarned, minorOf(point.interestBefore, places), date, dueDate, ctx);
}

/**
 * The accrual of `row` re-based on `date` having earned `earned` by then (rest and basis as the
 * caller priced them): it keeps the curve the row earned on before, the day's first re-basing's when
 * one ran already that day (that re-basing replaced), so what the row had earned by `date` or any
 * earlier day stays as it was.
 */
export function rebasedAccrual(row: Installment, date: string, earned: string, rest: string, basis: string): InterestRebase {
  const last = row.accrual;
  if (last === undefined) return { date, earned, rest, basis, interestBefore: row.due.interest };
  if (last.date === date) return { date, earned, rest, basis, interestBefore: last.interestBefore, ...(last.earlier ? { earlier: last.earlier } : {}) };
  const point: EarnedPoint = { date: last.date, earned: last.earned, interestBefore: last.interestBefore };
  return { date, earned, rest, basis, interestBefore: row.due.interest, earlier: [...(last.earlier ?? []), point] };
}

/**
 * Interest an installment has earned by the end of `date`: its scheduled interest pro rata of
 * the days elapsed in its period under the product's day count, rounded HALF_EVEN to the minor
 * unit. Under grace on interest, the installment that collects the deferred interest earns it
 * evenly from the disbursement (the grace periods earned it), so a payoff during or just after
 * the grace never forgives it. We accrue the schedule's own interest (rather than balance × daily rate) so that accruals
 * over a period always sum to exactly the interest the borrower was scheduled to pay for it.
 */
export function earnedInterest(inst: Installment, date: string, ctx: LoanContext): Decimal {
  const places = minorUnits(ctx.currency);
  return new Dec(formatMinor(earnedMinor(inst, date, ctx, places), places));
}

/**
 * What an installment earned by the end of `through` on days outside the `suspended` spans (the
 * days the loan was non-performing): earnedMinor less, per span, what it earned on the span's days.
 * Each span's share is a difference of the same cumulative, rounded figure, so the performing and
 * the suspended parts always add up to exactly what the installment earned.
 */
export function performingEarnedMinor(inst: Installment, through: string, ctx: LoanContext, places: number, suspended: readonly DaySpan[]): bigint {
  let earned = earnedMinor(inst, through, ctx, places);
  for (const span of suspended) {
    // A span after the row's due date moves nothing: the row had earned all its interest by then.
    if (span.from > through || span.from > inst.dueDate) continue;
    const end = span.to < through ? span.to : through;
    earned -= earnedMinor(inst, end, ctx, places) - earnedMinor(inst, addDays(span.from, -1), ctx, places);
  }
  return earned;
}

/**
 * What an installment earned by the end of `date` on the `suspended` days (the loan non-performing),
 * in minor units: the part of its interest that is not income until paid.
 */
export function suspendedEarnedMinor(inst: Installment, date: string, ctx: LoanContext, places: number, suspended: readonly DaySpan[]): bigint {
  return earnedMinor(inst, date, ctx, places) - performingEarnedMinor(inst, date, ctx, places, suspended);
}
