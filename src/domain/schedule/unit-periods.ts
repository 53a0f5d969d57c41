import { addMonthsClamped, daysBetween } from '../calendar.js';
import type { Frequency } from '../product/events.js';
import type { Rational } from './minor-units.js';

const DAYS_PER_PERIOD: Readonly<Record<Exclude<Frequency, 'monthly'>, bigint>> = { biweekly: 14n, weekly: 7n };
// Reg Z Appendix J (b)(5)(iv): a fraction of a monthly unit period counts its days over 30.
const DAYS_PER_MONTH_FRACTION = 30n;

/**
 * Repayment periods from `start` to `date` as an exact fraction: whole months counted forward
 * from the anchor exactly as due dates are (month-end clamped) plus the remaining days over 30;
 * weeks and fortnights by days over 7 or 14. A regular due date n periods after the start is
 * exactly n. Used for APR time (irr-nominal) and for an odd first period's nominal interest.
 */
export function unitPeriodsBetween(start: string, date: string, frequency: Frequency): Rational {
  const days = daysBetween(start, date);
  if (frequency !== 'monthly') return { num: BigInt(days), den: DAYS_PER_PERIOD[frequency] };
  let months = Math.max(0, Math.floor(days / 31));
  while (addMonthsClamped(start, months + 1) <= date) months += 1;
  const rest = daysBetween(addMonthsClamped(start, months), date);
  return { num: BigInt(months) * DAYS_PER_MONTH_FRACTION + BigInt(rest), den: DAYS_PER_MONTH_FRACTION };
}
