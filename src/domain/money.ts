import { Decimal } from 'decimal.js';
import { Dec as D, PLAIN_DECIMAL } from './decimal.js';
import { DomainError } from './errors.js';
import type { RoundingMode } from './product/events.js';

const MINOR_UNITS: Readonly<Record<string, number>> = { CNY: 2, USD: 2, EUR: 2, GBP: 2, HKD: 2, JPY: 0, KRW: 0 };
/** The most integer digits an amount may have (999 999 999 999 999.99): decimal.js and the stores keep every such amount exact. */
export const MAX_INTEGER_DIGITS = 15;

const ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  HALF_UP: Decimal.ROUND_HALF_UP,
  HALF_DOWN: Decimal.ROUND_HALF_DOWN,
  UP: Decimal.ROUND_UP,
  DOWN: Decimal.ROUND_DOWN,
  CEIL: Decimal.ROUND_CEIL,
  FLOOR: Decimal.ROUND_FLOOR,
};

/** Digits after the point in the currency's minor unit (ISO 4217); throws UNSUPPORTED_CURRENCY otherwise. */
export function minorUnits(currency: string): number {
  // Own keys only: "__proto__" or "constructor" (a provider's amount.currency) found Object.prototype's and threw later, a 500.
  const digits = Object.hasOwn(MINOR_UNITS, currency) ? MINOR_UNITS[currency] : undefined;
  if (digits === undefined) {
    throw new DomainError('UNSUPPORTED_CURRENCY', `Currency ${currency} is not supported`, 'invalid', { currency });
  }
  return digits;
}

/** Maps our product-level rounding mode onto decimal.js's constant. */
export function toDecimalRounding(mode: RoundingMode): Decimal.Rounding {
  return ROUNDING[mode];
}

/** `d` rounded to the currency's minor unit with `mode` (HALF_EVEN by default). */
export function roundToCurrency(d: Decimal, currency: string, mode: RoundingMode = 'HALF_EVEN'): Decimal {
  return new D(d).toDecimalPlaces(minorUnits(currency), toDecimalRounding(mode));
}

function invalid(code: string, message: string, details: Record<string, unknown>): DomainError {
  return new DomainError(code, message, 'invalid', details);
}

/**
 * What an amount on the wire may be: negative only where a field says so, zero only where it says
 * so (else it must be positive). `field` names the field in the refusal (default "amount"); nested
 * fields are dotted ("principal.min").
 */
export interface AmountRules {
  allowNegative?: boolean;
  allowZero?: boolean;
  field?: string;
}

/** Why amount text is refused, without the field: `code` and a `reason` that follows the field's name. */
export interface AmountRefusal {
  code: 'INVALID_AMOUNT' | 'NEGATIVE_AMOUNT' | 'AMOUNT_TOO_PRECISE';
  reason: string;
}

/**
 * The one rule for amount text, in this order: not plain decimal text, or more than 15 integer
 * digits → INVALID_AMOUNT; negative where not allowed → NEGATIVE_AMOUNT; zero where a positive
 * amount is required → INVALID_AMOUNT. Then `Money.parse`, which knows the currency, refuses more
 * decimals than its minor unit (AMOUNT_TOO_PRECISE). Null when the text passes; the HTTP edge runs
 * exactly this before any currency is known, so edge and domain answer the same code.
 */
export function amountRefusal(text: string, rules: AmountRules = {}): AmountRefusal | null {
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return { code: 'INVALID_AMOUNT', reason: `"${text}" is not a decimal amount such as "1234.56"` };
  const [, sign, integer = ''] = match;
  if (integer.length > MAX_INTEGER_DIGITS) return { code: 'INVALID_AMOUNT', reason: `"${text}" has more than ${MAX_INTEGER_DIGITS} integer digits` };
  const zero = /^-?0(\.0+)?$/.test(text);
  if (sign === '-' && !zero && !rules.allowNegative) return { code: 'NEGATIVE_AMOUNT', reason: `"${text}" must not be negative` };
  if (zero && !rules.allowZero) return { code: 'INVALID_AMOUNT', reason: `must be greater than zero, not "${text}"` };
  return null;
}

function refused(refusal: AmountRefusal, text: string, rules: AmountRules, extra: Record<string, unknown> = {}): DomainError {
  const field = rules.field ?? 'amount';
  return invalid(refusal.code, `${field} ${refusal.reason}`, { field, amount: text, ...extra });
}

/** An amount in one currency, always held at exactly the currency's minor unit; immutable. */
export class Money {
  private constructor(
    readonly amount: Decimal,
    readonly currency: string,
  ) {}

  /**
   * The one strict parse of a wire amount (see amountRefusal for the codes, in order): plain
   * decimal text, within the currency's precision (AMOUNT_TOO_PRECISE), positive unless `rules`
   * allow zero or negative; every refusal names `rules.field`.
   */
  static parse(text: string, currency: string, rules: AmountRules = {}): Money {
    const digits = minorUnits(currency);
    const refusal = amountRefusal(text, rules);
    if (refusal) throw refused(refusal, text, rules);
    const fraction = PLAIN_DECIMAL.exec(text)?.[3] ?? '';
    if (fraction.length > digits) {
      throw refused({ code: 'AMOUNT_TOO_PRECISE', reason: `"${text}" has more than ${digits} decimals, the most ${currency} allows` }, text, rules, { currency });
    }
    return Money.of(new D(text), currency);
  }

  /** `value` rounded to the currency's minor unit (HALF_EVEN unless told otherwise). */
  static of(value: Decimal | string, currency: string, rounding: RoundingMode = 'HALF_EVEN'): Money {
    let amount: Decimal;
    try {
      amount = new D(value);
    } catch {
      throw invalid('INVALID_AMOUNT', `"${String(value)}" is not a decimal amount`, { amount: String(value) });
    }
    if (!amount.isFinite()) throw invalid('INVALID_AMOUNT', `"${String(value)}" is not finite`, { amount: String(value) });
    const rounded = roundToCurrency(amount, currency, rounding);
    // Normalise -0 so it prints as "0.00", never "-0.00".
    return new Money(rounded.isZero() ? new D(0) : rounded, currency);
  }

  static zero(currency: string): Money {
    return Money.of(new D(0), currency);
  }

  plus(o: Money): Money {
    return Money.of(this.amount.plus(this.same(o).amount), this.currency);
  }

  minus(o: Money): Money {
    return Money.of(this.amount.minus(this.same(o).amount), this.currency);
  }

  /** The product rounded back to the minor unit. */
  times(factor: Decimal | string, rounding: RoundingMode = 'HALF_EVEN'): Money {
    return Money.of(this.amount.times(new D(factor)), this.currency, rounding);
  }

  min(o: Money): Money {
    return this.lte(o) ? this : o;
  }

  max(o: Money): Money {
    return this.gte(o) ? this : o;
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  isPositive(): boolean {
    return this.amount.isPositive() && !this.amount.isZero();
  }

  /** -1, 0 or 1; refuses another currency. */
  cmp(o: Money): number {
    return this.amount.comparedTo(this.same(o).amount);
  }

  eq(o: Money): boolean {
    return this.cmp(o) === 0;
  }

  gt(o: Money): boolean {
    return this.cmp(o) > 0;
  }

  gte(o: Money): boolean {
    return this.cmp(o) >= 0;
  }

  lt(o: Money): boolean {
    return this.cmp(o) < 0;
  }

  lte(o: Money): boolean {
    return this.cmp(o) <= 0;
  }

  /** Fixed minor digits: "1234.50", JPY "1235". */
  toString(): string {
    return this.amount.toFixed(minorUnits(this.currency));
  }

  toJSON(): string {
    return this.toString();
  }

  private same(o: Money): Money {
    if (o.currency !== this.currency) {
      throw new DomainError('CURRENCY_MISMATCH', `Cannot combine ${this.currency} with ${o.currency}`, 'invalid', {
        left: this.currency,
        right: o.currency,
      });
    }
    return o;
  }
}

const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/**
 * Minor units of short plain decimal text ("-123.45") read digit by digit into a double, exact
 * while the result stays a safe integer; null for anything else (the general path decides).
 * Amounts are parsed on every fold and every figure, and BigInt(string) is the slow part.
 */
function smallMinorOf(text: string, places: number): bigint | null {
  const length = text.length;
  if (length > 15 || places >= POWERS_OF_TEN.length) return null;
  const negative = text.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  if (i >= length) return null;
  let value = 0;
  let decimals = -1;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (decimals >= 0) return null;
      decimals = 0;
      continue;
    }
    if (code < 48 || code > 57) return null;
    value = value * 10 + (code - 48);
    if (decimals >= 0) decimals++;
  }
  if (decimals > places) return null;
  value *= POWERS_OF_TEN[places - Math.max(decimals, 0)]!;
  return Number.isSafeInteger(value) ? BigInt(negative ? -value : value) : null;
}

/** Exact count of minor units in plain decimal text with at most `places` decimals: ("12.3", 2) → 1230n. */
export function minorOf(text: string, places: number): bigint {
  const small = smallMinorOf(text, places);
  if (small !== null) return small;
  const dot = text.indexOf('.');
  if (dot < 0) return BigInt(text) * 10n ** BigInt(places);
  const fraction = text.slice(dot + 1);
  if (fraction.length > places) throw new RangeError(`"${text}" has more than ${places} decimals`);
  return BigInt(text.slice(0, dot) + fraction.padEnd(places, '0'));
}
