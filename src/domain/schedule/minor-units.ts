import type { Money } from '../money.js';
import type { RoundingMode } from '../product/events.js';

/**
 * Schedules work in exact integers of the currency's minor unit (BigInt) and exact rational
 * rates. decimal.js costs about 1–2 µs per operation, which would put a 360-row schedule
 * well over its 1 ms budget; integers are exact, faster by an order of magnitude, and a
 * rate kept as a fraction makes every interest figure exactly rounded once.
 */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** A Money's amount as a count of minor units (cents, yen). */
export function toMinor(money: Money): bigint {
  return BigInt(money.toString().replace('.', ''));
}

/** Minor units back to a fixed-point decimal string: 123456n, 2 → "1234.56". */
export function formatMinor(value: bigint, places: number): string {
  const digits = (value < 0n ? -value : value).toString().padStart(places + 1, '0');
  const sign = value < 0n ? '-' : '';
  if (places === 0) return sign + digits;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function addRational(a: Rational, b: Rational): Rational {
  const num = a.num * b.den + b.num * a.den;
  const den = a.den * b.den;
  const divisor = gcd(num, den) || 1n;
  return { num: num / divisor, den: den / divisor };
}

/** num ÷ den (den > 0) rounded to an integer with the product's rounding mode. */
export function roundRatio(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const quotient = num / den; // truncates toward zero
  const remainder = num % den;
  if (remainder === 0n) return quotient;
  const away = num < 0n ? quotient - 1n : quotient + 1n;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  switch (mode) {
    case 'DOWN':
      return quotient;
    case 'UP':
      return away;
    case 'CEIL':
      return num > 0n ? away : quotient;
    case 'FLOOR':
      return num < 0n ? away : quotient;
    case 'HALF_UP':
      return twice >= den ? away : quotient;
    case 'HALF_DOWN':
      return twice > den ? away : quotient;
    case 'HALF_EVEN':
      return twice > den || (twice === den && quotient % 2n !== 0n) ? away : quotient;
  }
}

/** The smallest multiple of `step` (> 0) at or above `value`: installments round UP to `inMultiplesOf`. */
export function roundUpToMultiple(value: bigint, step: bigint): bigint {
  const whole = value / step;
  return (whole * step < value ? whole + 1n : whole) * step;
}
