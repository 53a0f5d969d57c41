import { addDays } from '../calendar.js';
import { dayCountDays } from '../day-count.js';
import { Dec, type Decimal } from '../decimal.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor, roundRatio } from '../schedule/minor-units.js';
import type { DaySpan, Installment, InterestRebase, LoanContext } from './state.js';

// The schedule's own day count (with its month-end anchor), so accruals and payoffs count days as the schedule did.
function periodDays(from: string, to: string, ctx: LoanContext): number {
  return dayCountDays(from, to, ctx.dayCount, ctx.anchor);
}

/** earnedInterest in minor units: month-end accrues every loan in the book, and integers keep that pass cheap. */
export function earnedMinor(inst: Installment, date: string, ctx: LoanContext, places: number): bigint {
  const interest = minorOf(inst.due.interest, places);
  if (date >= inst.dueDate) return interest;
  // A period re-based by a prepayment earns what it had by then, and the rest evenly after it.
  if (inst.accrual !== undefined) return rebasedEarnedMinor(inst, inst.accrual, interest, date, ctx, places);
  const from = ctx.deferredInterest?.number === inst.number ? ctx.deferredInterest.from : inst.fromDate;
  if (date <= from) return 0n;
  const elapsed = periodDays(from, date, ctx);
  const total = periodDays(from, inst.dueDate, ctx);
  if (total <= 0) return interest;
  return roundRatio(interest * BigInt(elapsed), BigInt(total), 'HALF_EVEN');
}

function rebasedEarnedMinor(inst: Installment, rebase: InterestRebase, interest: bigint, date: string, ctx: LoanContext, places: number): bigint {
  const earned = minorOf(rebase.earned, places);
  if (date <= rebase.date) {
    // The row collecting deferred interest earned it from the disbursement (accrual.ts's rule), any other row from its period's start.
    const from = ctx.deferredInterest?.number === inst.number ? ctx.deferredInterest.from : inst.fromDate;
    if (date <= from) return 0n;
    const total = periodDays(from, rebase.date, ctx);
    return total <= 0 ? earned : roundRatio(earned * BigInt(periodDays(from, date, ctx)), BigInt(total), 'HALF_EVEN');
  }
  const total = periodDays(rebase.date, inst.dueDate, ctx);
  if (total <= 0) return interest;
  return earned + roundRatio((interest - earned) * BigInt(periodDays(rebase.date, date, ctx)), BigInt(total), 'HALF_EVEN');
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
