import { Decimal as BaseDecimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAmounts, compareAmounts, isZeroAmount, minAmount, subtractAmounts, sumAmounts } from '../../../src/projections/models/amount.js';
import { parseFixed, placesOf } from '../../../src/projections/models/fixed-point.js';

// Wide enough that no sum here rounds: the integers are exact at any size, decimal.js only within its precision.
const Decimal = BaseDecimal.clone({ precision: 60 });

const amountText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.integer({ min: 0, max: 4 }))
  .map(([negative, units, places]) => new Decimal(units.toString()).div(10 ** places).times(negative ? -1 : 1).toFixed(places));

describe('fixed-point amounts', () => {
  it('reads a decimal string as an exact integer at the scale asked for', () => {
    expect(parseFixed('1234.56', 2)).toBe(123456n);
    expect(parseFixed('-0.05', 2)).toBe(-5n);
    expect(parseFixed('7', 2)).toBe(700n);
    expect(parseFixed('7.5', 2)).toBe(750n);
    expect(parseFixed('30.000', 2)).toBe(3000n);
    expect(parseFixed('1000', 0)).toBe(1000n);
    expect(placesOf('30.00')).toBe(2);
    expect(placesOf('7')).toBe(0);
  });

  it('refuses text that is not a plain decimal, and places it would have to round away', () => {
    for (const bad of ['', '1e5', '0x10', ' 1', '1.', '.5', '+1', '1,000.00', '12.3.4']) expect(() => parseFixed(bad, 2)).toThrow(/not a decimal amount/);
    expect(() => parseFixed('0.005', 2)).toThrow(/more than 2 decimal places/);
    expect(() => parseFixed('12.5', 0)).toThrow(/more than 0 decimal places/);
  });

  it('gives the same value when the same text is read again, also past the memo bound, and refuses bad text every time', () => {
    expect(parseFixed('1234.56', 2)).toBe(123456n);
    expect(parseFixed('1234.56', 3)).toBe(1234560n);
    for (let i = 0; i < 60_000; i++) expect(parseFixed(`${i}.25`, 2)).toBe(BigInt(i) * 100n + 25n);
    expect(parseFixed('1234.56', 2)).toBe(123456n);
    expect(() => parseFixed('0.005', 2)).toThrow(/more than 2 decimal places/);
    expect(() => parseFixed('0.005', 2)).toThrow(/more than 2 decimal places/);
  });

  it('adds, subtracts and compares exactly as decimal.js would, at the larger scale of the operands', () => {
    fc.assert(
      fc.property(amountText, amountText, (a, b) => {
        const scale = Math.max(placesOf(a), placesOf(b));
        expect(addAmounts(a, b)).toBe(new Decimal(a).plus(b).toFixed(scale));
        expect(subtractAmounts(a, b)).toBe(new Decimal(a).minus(b).toFixed(scale));
        expect(compareAmounts(a, b)).toBe(new Decimal(a).comparedTo(b));
        expect(minAmount(a, b)).toBe(new Decimal(a).lte(b) ? a : b);
        expect(isZeroAmount(a)).toBe(new Decimal(a).isZero());
      }),
    );
    expect(sumAmounts(['0.50', '1', '2.25'])).toBe('3.75');
    expect(sumAmounts([])).toBe('0');
  });
});
