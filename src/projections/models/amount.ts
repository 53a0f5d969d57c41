import { Decimal } from 'decimal.js';

/**
 * Arithmetic on the decimal strings read models carry. Amounts in events are already rounded to
 * the currency's minor unit, so sums need no rounding; the result keeps the larger scale of its
 * operands ("0.50" + "1" = "1.50") so a CNY total stays in cents and a JPY total in yen.
 */
// Decimal normalises "30.00" to 30, so the scale is read from the text.
function digitsAfterPoint(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

function scaleOf(a: string, b: string): number {
  return Math.max(digitsAfterPoint(a), digitsAfterPoint(b));
}

/** a + b, exact. */
export function addAmounts(a: string, b: string): string {
  return new Decimal(a).plus(b).toFixed(scaleOf(a, b));
}

/** a − b, exact (may be negative). */
export function subtractAmounts(a: string, b: string): string {
  return new Decimal(a).minus(b).toFixed(scaleOf(a, b));
}

/** The smaller of two amounts, in its own string form. */
export function minAmount(a: string, b: string): string {
  return new Decimal(a).lte(b) ? a : b;
}

/** Sum of many amounts; "0" for none. */
export function sumAmounts(amounts: readonly string[]): string {
  return amounts.reduce(addAmounts, '0');
}

export function isZeroAmount(a: string): boolean {
  return new Decimal(a).isZero();
}

/** Three-way comparison: negative when a < b, 0 when equal, positive when a > b. */
export function compareAmounts(a: string, b: string): number {
  return new Decimal(a).comparedTo(b);
}
