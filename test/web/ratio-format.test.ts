import { describe, expect, it } from 'vitest';
import { ratioAsPercent } from '../../web/src/shell/format.js';

describe('ratioAsPercent (the server\'s ratio as a percentage, by moving the point in the string)', () => {
  it('moves the decimal point two places and keeps every digit', () => {
    expect(ratioAsPercent('0.9512')).toBe('95.12 %');
    expect(ratioAsPercent('1.2345')).toBe('123.45 %');
    expect(ratioAsPercent('0.0005')).toBe('0.05 %');
    expect(ratioAsPercent('1.0000')).toBe('100.00 %');
    expect(ratioAsPercent('0.95')).toBe('95 %');
    expect(ratioAsPercent('0.5')).toBe('50 %');
    expect(ratioAsPercent('2')).toBe('200 %');
    expect(ratioAsPercent('0')).toBe('0 %');
  });

  it('shows a dash for a missing or malformed ratio', () => {
    expect(ratioAsPercent(null)).toBe('—');
    expect(ratioAsPercent(undefined)).toBe('—');
    expect(ratioAsPercent('NaN')).toBe('—');
  });
});
