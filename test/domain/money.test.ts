import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { amountRefusal, minorOf, minorUnits, Money, roundToCurrency, toDecimalRounding } from '../../src/domain/money.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('expected a DomainError');
}

describe('Money.parse', () => {
  it('accepts plain decimal text within the currency precision', () => {
    expect(Money.parse('1234.5', 'CNY').toString()).toBe('1234.50');
    expect(Money.parse('0.01', 'USD').toString()).toBe('0.01');
    expect(Money.parse('1235', 'JPY').toString()).toBe('1235');
    expect(Money.parse('999999999999999.99', 'USD').toString()).toBe('999999999999999.99');
  });

  it.each(['1e5', 'NaN', 'Infinity', '+1', '.5', '1.', ' 1', '1 ', '', '01', '1,000', '0x10', '--1'])(
    'rejects %j as INVALID_AMOUNT',
    (text) => expect(codeOf(() => Money.parse(text, 'CNY'))).toBe('INVALID_AMOUNT'),
  );

  it('rejects more than 15 integer digits', () => {
    expect(codeOf(() => Money.parse('1000000000000000', 'CNY'))).toBe('INVALID_AMOUNT');
  });

  it('rejects more decimals than the currency allows', () => {
    expect(codeOf(() => Money.parse('1.005', 'CNY'))).toBe('AMOUNT_TOO_PRECISE');
    expect(codeOf(() => Money.parse('1.500', 'USD'))).toBe('AMOUNT_TOO_PRECISE');
    expect(codeOf(() => Money.parse('1.5', 'JPY'))).toBe('AMOUNT_TOO_PRECISE');
  });

  it('rejects negatives unless allowed', () => {
    expect(codeOf(() => Money.parse('-1.00', 'CNY'))).toBe('NEGATIVE_AMOUNT');
    expect(Money.parse('-1.00', 'CNY', { allowNegative: true }).toString()).toBe('-1.00');
  });

  it('rejects zero unless allowed, and never prints -0', () => {
    expect(codeOf(() => Money.parse('0', 'CNY'))).toBe('INVALID_AMOUNT');
    expect(Money.parse('0.00', 'CNY', { allowZero: true }).toString()).toBe('0.00');
    expect(Money.parse('-0', 'CNY', { allowZero: true, allowNegative: true }).toString()).toBe('0.00');
  });

  it('rejects an unknown currency with kind invalid', () => {
    expect(codeOf(() => Money.parse('1', 'XYZ'))).toBe('UNSUPPORTED_CURRENCY');
    expect(() => Money.parse('1', 'XYZ')).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });

  it('names the field in every refusal, and checks sign and zero before precision (as the HTTP edge does before it knows the currency)', () => {
    expect(() => Money.parse('1.234', 'CNY', { field: 'principal.min' })).toThrow('principal.min "1.234" has more than 2 decimals, the most CNY allows');
    expect(() => Money.parse('-1.234', 'CNY', { field: 'approvedPrincipal' })).toThrow('approvedPrincipal "-1.234" must not be negative');
    expect(() => Money.parse('0.000', 'CNY')).toThrow('amount must be greater than zero, not "0.000"');
    expect(codeOf(() => Money.parse('0.000', 'CNY'))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => Money.parse('-0.001', 'CNY', { allowZero: true }))).toBe('NEGATIVE_AMOUNT');
  });
});

describe('amountRefusal (the currency-free part of the rule)', () => {
  it('refuses with the code Money.parse gives; what it passes, Money.parse accepts or finds too precise', () => {
    const texts = fc.oneof(fc.string(), fc.stringMatching(/^-?\d{1,17}(\.\d{1,4})?$/));
    fc.assert(fc.property(texts, fc.boolean(), (text, allowZero) => {
      const refusal = amountRefusal(text, { allowZero });
      let outcome = 'accepted';
      try {
        Money.parse(text, 'CNY', { allowZero });
      } catch (error) {
        outcome = (error as DomainError).code;
      }
      if (refusal !== null) expect(outcome).toBe(refusal.code);
      else expect(['accepted', 'AMOUNT_TOO_PRECISE']).toContain(outcome);
    }));
  });
});

describe('Money.of and rounding', () => {
  it('rounds HALF_EVEN by default', () => {
    expect(Money.of('2.345', 'CNY').toString()).toBe('2.34');
    expect(Money.of('2.355', 'CNY').toString()).toBe('2.36');
    expect(Money.of('1234.5', 'JPY').toString()).toBe('1234');
  });

  it('rounds with the requested mode', () => {
    expect(Money.of('2.345', 'CNY', 'HALF_UP').toString()).toBe('2.35');
    expect(Money.of('2.341', 'CNY', 'UP').toString()).toBe('2.35');
    expect(Money.of('-2.341', 'CNY', 'FLOOR').toString()).toBe('-2.35');
    expect(Money.of('-2.349', 'CNY', 'CEIL').toString()).toBe('-2.34');
    expect(Money.of('2.349', 'CNY', 'DOWN').toString()).toBe('2.34');
    expect(Money.of('2.345', 'CNY', 'HALF_DOWN').toString()).toBe('2.34');
  });

  it('accepts a Decimal from the global constructor and ignores global config', () => {
    expect(Money.of(new Decimal('10.005'), 'USD').toString()).toBe('10.00');
    expect(Money.of(new Decimal(1).dividedBy(3), 'USD').toString()).toBe('0.33');
  });

  it('rejects text that is not a number', () => {
    expect(codeOf(() => Money.of('abc', 'CNY'))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => Money.of('Infinity', 'CNY'))).toBe('INVALID_AMOUNT');
  });

  it('zero prints at the minor unit', () => {
    expect(Money.zero('USD').toString()).toBe('0.00');
    expect(Money.zero('KRW').toString()).toBe('0');
  });
});

describe('Money arithmetic and comparison', () => {
  const a = Money.parse('10.10', 'CNY');
  const b = Money.parse('0.20', 'CNY');

  it('adds, subtracts and multiplies exactly at the minor unit', () => {
    expect(a.plus(b).toString()).toBe('10.30');
    expect(b.minus(a).toString()).toBe('-9.90');
    expect(a.times('0.015').toString()).toBe('0.15');
    expect(a.times(new Decimal('0.0155'), 'UP').toString()).toBe('0.16');
    expect(Money.parse('0.1', 'USD').plus(Money.parse('0.2', 'USD')).eq(Money.parse('0.3', 'USD'))).toBe(true);
  });

  it('refuses to mix currencies', () => {
    const usd = Money.parse('1', 'USD');
    expect(codeOf(() => a.plus(usd))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => a.minus(usd))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => a.cmp(usd))).toBe('CURRENCY_MISMATCH');
  });

  it('compares', () => {
    expect(a.cmp(b)).toBe(1);
    expect(b.cmp(a)).toBe(-1);
    expect(a.gt(b) && a.gte(b) && b.lt(a) && b.lte(a) && a.gte(a) && a.lte(a)).toBe(true);
    expect(a.eq(b)).toBe(false);
    expect(a.min(b)).toBe(b);
    expect(a.max(b)).toBe(a);
  });

  it('knows its sign', () => {
    const zero = Money.zero('CNY');
    expect([zero.isZero(), zero.isPositive(), zero.isNegative()]).toEqual([true, false, false]);
    expect([a.isZero(), a.isPositive(), a.isNegative()]).toEqual([false, true, false]);
    const neg = b.minus(a);
    expect([neg.isZero(), neg.isPositive(), neg.isNegative()]).toEqual([false, false, true]);
  });

  it('serialises as a decimal string', () => {
    expect(JSON.stringify({ amount: a })).toBe('{"amount":"10.10"}');
  });
});

describe('currency helpers', () => {
  it('knows minor units', () => {
    expect(['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'KRW'].map(minorUnits)).toEqual([2, 2, 2, 2, 2, 0, 0]);
    expect(codeOf(() => minorUnits('BTC'))).toBe('UNSUPPORTED_CURRENCY');
  });

  it('refuses every other code, Object.prototype\'s names too (a WeChat Pay amount.currency "__proto__" was a 500)', () => {
    const known = new Set(['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'KRW']);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(codeOf(() => minorUnits(name))).toBe('UNSUPPORTED_CURRENCY');
      expect(codeOf(() => Money.parse('1', name))).toBe('UNSUPPORTED_CURRENCY');
    }
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype))), (code) => {
      fc.pre(!known.has(code));
      expect(codeOf(() => minorUnits(code))).toBe('UNSUPPORTED_CURRENCY');
    }));
  });

  it('rounds a Decimal to the currency', () => {
    expect(roundToCurrency(new Decimal('1.005'), 'CNY').toString()).toBe('1');
    expect(roundToCurrency(new Decimal('1.005'), 'CNY', 'HALF_UP').toString()).toBe('1.01');
    expect(roundToCurrency(new Decimal('1.5'), 'JPY').toString()).toBe('2');
  });

  it('maps rounding modes to decimal.js', () => {
    expect(toDecimalRounding('HALF_EVEN')).toBe(Decimal.ROUND_HALF_EVEN);
    expect(toDecimalRounding('UP')).toBe(Decimal.ROUND_UP);
    expect(toDecimalRounding('FLOOR')).toBe(Decimal.ROUND_FLOOR);
  });
});

describe('minorOf', () => {
  const Exact = Decimal.clone({ precision: 60 });

  it('counts minor units exactly, padding short fractions', () => {
    expect(minorOf('1234.56', 2)).toBe(123456n);
    expect(minorOf('12.3', 2)).toBe(1230n);
    expect(minorOf('7', 2)).toBe(700n);
    expect(minorOf('-0.05', 2)).toBe(-5n);
    expect(minorOf('1500', 0)).toBe(1500n);
    expect(minorOf('99999999999999999.99', 2)).toBe(9999999999999999999n);
  });

  it('refuses more decimals than the unit holds', () => {
    expect(() => minorOf('1.234', 2)).toThrow(RangeError);
  });

  it('agrees with decimal.js on any plain decimal text, short or long, at any scale it holds', () => {
    const text = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.integer({ min: 0, max: 4 }), fc.boolean())
      .map(([negative, digits, decimals, trailingDot]) => {
        const plain = digits.toString().padStart(decimals + 1, '0');
        const body = decimals === 0 ? plain + (trailingDot ? '.' : '') : `${plain.slice(0, -decimals)}.${plain.slice(-decimals)}`;
        return { text: (negative ? '-' : '') + body, decimals };
      });
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 4 }), ({ text, decimals }, places) => {
      if (decimals > places) {
        expect(() => minorOf(text, places)).toThrow(RangeError);
        return;
      }
      expect(minorOf(text, places)).toBe(BigInt(new Exact(text.endsWith('.') ? text.slice(0, -1) : text).times(new Exact(10).pow(places)).toFixed(0)));
    }), { numRuns: 2_000 });
  });
});
