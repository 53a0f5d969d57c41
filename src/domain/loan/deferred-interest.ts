import { minorOf } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { interestOn, planSchedule } from '../schedule/plan.js';
import type { ScheduleRow } from './events.js';
import type { Installment, LoanContext } from './state.js';

/**
 * Grace on interest under re-amortisation: the interest the collecting row (index `deferredIndex`)
 * should carry once rows `from…` are recomputed as `fresh` (grace-free rows on the principal left,
 * from `rows[from].fromDate`), in minor units.
 *
 * The collecting row carries the interest of every grace period and its own. Periods that started
 * before the recomputed rows keep the interest they were scheduled with (no mid-period
 * recalculation); each recomputed period's old interest (rate × the balance the old rows carried
 * over it, `carried` at `from`) is replaced by the fresh rows' interest on the new balance. Never
 * below what the row already had paid or waived. Flat interest is on the original principal, so
 * its deferred interest does not move with the balance and is kept.
 */
export function collectedDeferredInterest(
  rows: readonly Installment[], from: number, deferredIndex: number, carried: bigint, fresh: readonly ScheduleRow[], ctx: LoanContext, places: number,
): bigint {
  const row = rows[deferredIndex] as Installment;
  const scheduled = minorOf(row.due.interest, places);
  const schedule = ctx.schedule;
  if (schedule === undefined || schedule.terms.interestMethod === 'flat') return scheduled;
  const count = rows.length - from;
  const plan = planSchedule({
    principal: formatMinor(carried, places), annualRate: schedule.annualRate, term: count, startDate: (rows[from] as Installment).fromDate,
    terms: { ...schedule.terms, graceOnPrincipal: 0, graceOnInterest: 0, fees: [], nonWorkingDayRule: 'keep' },
  });
  let interest = scheduled;
  let oldBalance = carried;
  for (let i = from; i <= deferredIndex; i++) {
    const period = plan.periods[i - from];
    if (period === undefined) break;
    interest += minorOf(fresh[i - from]?.interest ?? '0', places) - interestOn(plan, oldBalance, period.rate);
    oldBalance -= minorOf((rows[i] as Installment).due.principal, places);
  }
  const floor = minorOf(row.paid.interest, places) + minorOf(row.waived.interest, places);
  return interest > floor ? interest : floor;
}
