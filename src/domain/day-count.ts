import { days360, daysBetween, daysInYear, yearOf } from './calendar.js';
import type { DayCount } from './product/events.js';
import { addRational, type Rational } from './schedule/minor-units.js';

/**
 * Days from `from` to `to` under the product's day count — the one count schedules, accruals and
 * payoff quotes share. ACT/365 and ACT/ACT: calendar days. 30/360: US (NASD) with the month-end
 * anchor rule of `days360`, so `anchor` is the date the loan's due dates are counted from (its
 * disbursement date, or its first repayment date when that was set).
 */
export function dayCountDays(from: string, to: string, dayCount: DayCount, anchor: string): number {
  return dayCount === '30/360' ? days360(from, to, anchor) : daysBetween(from, to);
}

function yearStart(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

/** ACT/ACT: each day is 1/365 or 1/366 of a year depending on the year it falls in. */
function actualActualFraction(from: string, to: string): Rational {
  let fraction: Rational = { num: 0n, den: 1n };
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    const start = year === yearOf(from) ? from : yearStart(year);
    const end = year === yearOf(to) ? to : yearStart(year + 1);
    fraction = addRational(fraction, { num: BigInt(daysBetween(start, end)), den: BigInt(daysInYear(year)) });
  }
  return fraction;
}

/** Fraction of a year from `from` to `to` under the day count (exact): 30/360 days over 360, ACT/365 days over 365 even in leap years, ACT/ACT per calendar year. */
export function yearFraction(from: string, to: string, dayCount: DayCount, anchor: string): Rational {
  if (dayCount === '30/360') return { num: BigInt(days360(from, to, anchor)), den: 360n };
  if (dayCount === 'ACT/ACT') return actualActualFraction(from, to);
  // ACT/365 (fixed): 365 even in leap years, as Fineract's cumulative engine does.
  return { num: BigInt(daysBetween(from, to)), den: 365n };
}
