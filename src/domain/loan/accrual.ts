import { daysBetween, days360 } from '../calendar.js';
import { Dec, type Decimal } from '../decimal.js';
import { roundToCurrency } from '../money.js';
import type { Installment, LoanContext } from './state.js';

function periodDays(from: string, to: string, ctx: LoanContext): number {
  return ctx.dayCount === '30/360' ? days360(from, to) : daysBetween(from, to);
}

/**
 * Interest an installment has earned by the end of `date`: its scheduled interest pro rata of
 * the days elapsed in its period under the product's day count. We accrue the schedule's own
 * interest (rather than balance × daily rate) so that accruals over a period always sum to
 * exactly the interest the borrower was scheduled to pay for it.
 */
export function earnedInterest(inst: Installment, date: string, ctx: LoanContext): Decimal {
  if (date >= inst.dueDate) return new Dec(inst.due.interest);
  if (date <= inst.fromDate) return new Dec(0);
  const elapsed = periodDays(inst.fromDate, date, ctx);
  const total = periodDays(inst.fromDate, inst.dueDate, ctx);
  if (total <= 0) return new Dec(inst.due.interest);
  return roundToCurrency(new Dec(inst.due.interest).times(elapsed).dividedBy(total), ctx.currency);
}

/** Interest earned after the end of `from` through the end of `to`, summed over the periods in between. */
export function interestEarnedBetween(installments: readonly Installment[], from: string, to: string, ctx: LoanContext): Decimal {
  let sum = new Dec(0);
  for (const inst of installments) {
    if (inst.dueDate <= from) continue;
    if (inst.fromDate >= to) break;
    sum = sum.plus(earnedInterest(inst, to, ctx)).minus(earnedInterest(inst, from, ctx));
  }
  return sum;
}
