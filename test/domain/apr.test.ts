import { describe, expect, it } from 'vitest';
import { assertAprWithinCap, computeApr } from '../../src/domain/apr.js';
import type { ScheduleRow } from '../../src/domain/loan/events.js';
import { generateSchedule } from '../../src/domain/schedule/generate.js';
import { productTerms } from './product-terms.fixture.js';

function row(number: number, dueDate: string, total: string): ScheduleRow {
  return { number, dueDate, principal: total, interest: '0.00', fee: '0.00', total, balance: '0.00' };
}

describe('computeApr', () => {
  it('is the plain rate for a one-year bullet', () => {
    expect(computeApr({ netDisbursed: '100.00', startDate: '2026-01-01', rows: [row(1, '2027-01-01', '110.00')], currency: 'CNY' })).toBe('10.00');
  });

  it('compounds over day-fraction years', () => {
    const rows = [row(1, '2027-01-01', '10.00'), row(2, '2028-01-01', '110.00')];
    expect(computeApr({ netDisbursed: '100.00', startDate: '2026-01-01', rows, currency: 'CNY' })).toBe('10.00');
    // 2028 is a leap year: 366 days is 366/365 of a year, so the rate is a touch lower.
    expect(computeApr({ netDisbursed: '100.00', startDate: '2027-01-01', rows: [row(1, '2028-01-01', '110.00')], currency: 'CNY' })).toBe('10.00');
    expect(computeApr({ netDisbursed: '100.00', startDate: '2028-01-01', rows: [row(1, '2029-01-01', '110.00')], currency: 'CNY' })).toBe('9.97');
  });

  it('is the effective rate of a monthly annuity, and rises with fees deducted up front', () => {
    const rows = generateSchedule({ principal: '100000.00', annualRate: '12', term: 12, startDate: '2026-01-01', terms: productTerms() });
    const apr = computeApr({ netDisbursed: '100000.00', startDate: '2026-01-01', rows, currency: 'CNY' });
    expect(Number(apr)).toBeGreaterThan(12.6);
    expect(Number(apr)).toBeLessThan(12.75);
    const withFee = computeApr({ netDisbursed: '98000.00', startDate: '2026-01-01', rows, currency: 'CNY' });
    expect(Number(withFee)).toBeGreaterThan(16);
  });

  it('can be negative when less comes back than went out', () => {
    expect(computeApr({ netDisbursed: '100.00', startDate: '2026-01-01', rows: [row(1, '2027-01-01', '90.00')], currency: 'CNY' })).toBe('-10.00');
  });

  it('refuses flows with no rate', () => {
    expect(() => computeApr({ netDisbursed: '100.00', startDate: '2026-01-01', rows: [row(1, '2027-01-01', '0.00')], currency: 'CNY' }))
      .toThrow(expect.objectContaining({ code: 'APR_NOT_COMPUTABLE' }));
  });

  it('refuses malformed input', () => {
    expect(() => computeApr({ netDisbursed: '0', startDate: '2026-01-01', rows: [], currency: 'CNY' })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => computeApr({ netDisbursed: '1', startDate: '2026-13-01', rows: [], currency: 'CNY' })).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('assertAprWithinCap', () => {
  it('passes at or under the cap, or with no cap', () => {
    expect(() => assertAprWithinCap('24.00', '24')).not.toThrow();
    expect(() => assertAprWithinCap('99.00', null)).not.toThrow();
  });

  it('refuses above the cap, naming the APR', () => {
    let caught: unknown;
    try {
      assertAprWithinCap('24.01', '24');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'APR_CAP_EXCEEDED', kind: 'rule', details: { apr: '24.01', cap: '24' } });
    expect((caught as Error).message).toContain('24.01');
  });
});
