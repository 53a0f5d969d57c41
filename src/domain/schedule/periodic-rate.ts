import { days360, daysBetween, daysInYear, yearOf } from '../calendar.js';
import type { DayCount, Frequency, InterestCalculation } from '../product/events.js';
import { addRational, type Rational } from './minor-units.js';

const PERIODS_PER_YEAR: Readonly<Record<Frequency, bigint>> = { monthly: 12n, biweekly: 26n, weekly: 52n };

/** A plain decimal percent ("4.9") as an exact fraction of one (49/1000). */
export function annualRateFraction(percent: string): Rational {
  const [whole = '0', fraction = ''] = percent.split('.');
  return { num: BigInt(whole + fraction), den: 100n * 10n ** BigInt(fraction.length) };
}

/** The annual rate split evenly over the year's repayment periods. */
export function nominalPeriodRate(annual: Rational, frequency: Frequency): Rational {
  return { num: annual.num, den: annual.den * PERIODS_PER_YEAR[frequency] };
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

/** Fraction of a year between two dates under the day-count convention. */
export function yearFraction(from: string, to: string, dayCount: DayCount): Rational {
  if (dayCount === '30/360') return { num: BigInt(days360(from, to)), den: 360n };
  if (dayCount === 'ACT/ACT') return actualActualFraction(from, to);
  // ACT/365 (fixed): 365 even in leap years, as Fineract's cumulative engine does.
  return { num: BigInt(daysBetween(from, to)), den: 365n };
}

/** Interest rate for one period: nominal per period, or by the actual days of the period ('daily'). */
export function periodRate(
  annual: Rational,
  how: { interestCalculation: InterestCalculation; frequency: Frequency; dayCount: DayCount },
  from: string,
  to: string,
): Rational {
  if (how.interestCalculation === 'period') return nominalPeriodRate(annual, how.frequency);
  const years = yearFraction(from, to, how.dayCount);
  return { num: annual.num * years.num, den: annual.den * years.den };
}
