import { yearFraction } from '../day-count.js';
import type { DayCount, Frequency, InterestCalculation } from '../product/events.js';
import type { Rational } from './minor-units.js';

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

/** Interest rate for one period: nominal per period, or by the day count over the period ('daily'); `anchor` as in `dayCountDays`. */
export function periodRate(
  annual: Rational,
  how: { interestCalculation: InterestCalculation; frequency: Frequency; dayCount: DayCount },
  from: string,
  to: string,
  anchor: string,
): Rational {
  if (how.interestCalculation === 'period') return nominalPeriodRate(annual, how.frequency);
  const years = yearFraction(from, to, how.dayCount, anchor);
  return { num: annual.num * years.num, den: annual.den * years.den };
}
