import { minorOf } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { interestOn, planSchedule } from '../schedule/plan.js';
import type { Installment, LoanContext } from './state.js';

/**
 * Grace on interest after principal moved between or off the rows from index `from` on (a
 * prepayment: re-amortised, or paid off the last rows): the interest the collecting row (index
 * `deferredIndex`, at or after `from`) should carry, in minor units. `owedBefore` and `owedAfter`
 * are the principal each row owed before and after; the balance over period k is what rows k… owe.
 *
 * The collecting row carries the interest of every grace period and its own. Periods before `from`
 * (already running) keep the interest they were scheduled with (no mid-period recalculation); each
 * period from `from` to the collecting row's has its interest on the old balance replaced by the
 * interest on the new one (the product's period rate × balance, rounded as the schedule rounds).
 * Interest paid on the row beyond that is the caller's (running-period.ts credits it back). Flat interest is on the original principal,
 * so its deferred interest does not move with the balance and is kept.
 */
export function collectedDeferredInterest(
  rows: readonly Installment[], from: number, deferredIndex: number, owedBefore: readonly bigint[], owedAfter: readonly bigint[], ctx: LoanContext, places: number,
): bigint {
  const row = rows[deferredIndex] as Installment;
  const scheduled = minorOf(row.due.interest, places);
  const schedule = ctx.schedule;
  if (schedule === undefined || schedule.terms.interestMethod === 'flat' || deferredIndex < from) return scheduled;
  let oldBalance = 0n;
  let newBalance = 0n;
  for (let i = from; i < rows.length; i++) {
    oldBalance += owedBefore[i] ?? 0n;
    newBalance += owedAfter[i] ?? 0n;
  }
  if (oldBalance <= 0n) return scheduled;
  const plan = planSchedule({
    principal: formatMinor(oldBalance, places), annualRate: schedule.annualRate, term: rows.length - from, startDate: (rows[from] as Installment).fromDate,
    terms: { ...schedule.terms, graceOnPrincipal: 0, graceOnInterest: 0, fees: [], nonWorkingDayRule: 'keep' },
  });
  let interest = scheduled;
  for (let i = from; i <= deferredIndex; i++) {
    const period = plan.periods[i - from];
    if (period === undefined) break;
    interest += interestOn(plan, newBalance, period.rate) - interestOn(plan, oldBalance, period.rate);
    oldBalance -= owedBefore[i] ?? 0n;
    newBalance -= owedAfter[i] ?? 0n;
  }
  return interest;
}
