import { formatMinor } from '../../domain/schedule/minor-units.js';
import { parseFixed, placesOf } from './fixed-point.js';

/**
 * Arithmetic on the decimal strings read models carry. Amounts in events are already rounded to
 * the currency's minor unit, so sums need no rounding; the result keeps the larger scale of its
 * operands ("0.50" + "1" = "1.50") so a CNY total stays in cents and a JPY total in yen. Both
 * operands are read as integers at that scale, which is exact and far cheaper than decimal.js.
 */
function scaleOf(a: string, b: string): number {
  return Math.max(placesOf(a), placesOf(b));
}

/** a + b, exact. */
export function addAmounts(a: string, b: string): string {
  const places = scaleOf(a, b);
  return formatMinor(parseFixed(a, places) + parseFixed(b, places), places);
}

/** a − b, exact (may be negative). */
export function subtractAmounts(a: string, b: string): string {
  const places = scaleOf(a, b);
  return formatMinor(parseFixed(a, places) - parseFixed(b, places), places);
}

/** The smaller of two amounts, in its own string form. */
export function minAmount(a: string, b: string): string {
  return compareAmounts(a, b) <= 0 ? a : b;
}

/** Sum of many amounts; "0" for none. */
export function sumAmounts(amounts: readonly string[]): string {
  return amounts.reduce(addAmounts, '0');
}

export function isZeroAmount(a: string): boolean {
  return parseFixed(a, placesOf(a)) === 0n;
}

/** Three-way comparison: negative when a < b, 0 when equal, positive when a > b. */
export function compareAmounts(a: string, b: string): number {
  const places = scaleOf(a, b);
  const difference = parseFixed(a, places) - parseFixed(b, places);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
