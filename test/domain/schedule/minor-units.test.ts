import { describe, expect, it } from 'vitest';
import { Money } from '../../../src/domain/money.js';
import type { RoundingMode } from '../../../src/domain/product/events.js';
import { addRational, formatMinor, roundRatio, toMinor } from '../../../src/domain/schedule/minor-units.js';

describe('minor units', () => {
  it('converts Money to minor units and back', () => {
    expect(toMinor(Money.parse('1234.56', 'CNY'))).toBe(123456n);
    expect(toMinor(Money.parse('1235', 'JPY'))).toBe(1235n);
    expect(formatMinor(123456n, 2)).toBe('1234.56');
    expect(formatMinor(5n, 2)).toBe('0.05');
    expect(formatMinor(-5n, 2)).toBe('-0.05');
    expect(formatMinor(0n, 2)).toBe('0.00');
    expect(formatMinor(1235n, 0)).toBe('1235');
  });

  it('adds fractions exactly, in lowest terms', () => {
    expect(addRational({ num: 1n, den: 365n }, { num: 1n, den: 366n })).toEqual({ num: 731n, den: 133590n });
    expect(addRational({ num: 1n, den: 4n }, { num: 1n, den: 4n })).toEqual({ num: 1n, den: 2n });
  });

  // Same table as java.math.RoundingMode's documentation: 5.5, 2.5, 1.6, 1.1, -1.1, -1.6, -2.5, -5.5.
  const inputs: [bigint, bigint][] = [[55n, 10n], [25n, 10n], [16n, 10n], [11n, 10n], [-11n, 10n], [-16n, 10n], [-25n, 10n], [-55n, 10n]];
  const expected: Record<RoundingMode, bigint[]> = {
    UP: [6n, 3n, 2n, 2n, -2n, -2n, -3n, -6n],
    DOWN: [5n, 2n, 1n, 1n, -1n, -1n, -2n, -5n],
    CEIL: [6n, 3n, 2n, 2n, -1n, -1n, -2n, -5n],
    FLOOR: [5n, 2n, 1n, 1n, -2n, -2n, -3n, -6n],
    HALF_UP: [6n, 3n, 2n, 1n, -1n, -2n, -3n, -6n],
    HALF_DOWN: [5n, 2n, 2n, 1n, -1n, -2n, -2n, -5n],
    HALF_EVEN: [6n, 2n, 2n, 1n, -1n, -2n, -2n, -6n],
  };
  it.each(Object.entries(expected))('rounds %s like the standard table', (mode, values) => {
    expect(inputs.map(([num, den]) => roundRatio(num, den, mode as RoundingMode))).toEqual(values);
    expect(roundRatio(30n, 10n, mode as RoundingMode)).toBe(3n);
  });
});
