import { describe, expect, it } from 'vitest';
import { APR_METHOD, assertAprWithinCap, computeApr } from '../../src/domain/apr.js';
import type { ScheduleRow } from '../../src/domain/loan/events.js';
import { productDecider } from '../../src/domain/product/decider.js';
import { representativeApr } from '../../src/domain/product/representative-apr.js';
import { generateSchedule } from '../../src/domain/schedule/generate.js';
import { given } from './decider-spec.js';
import { productTerms } from './product-terms.fixture.js';

function row(number: number, dueDate: string, total: string): ScheduleRow {
  return { number, dueDate, principal: total, interest: '0.00', fee: '0.00', total, balance: '0.00' };
}

describe('computeApr (irr-nominal: periodic IRR × periods per year)', () => {
  it('names its method', () => {
    expect(APR_METHOD).toBe('irr-nominal');
  });

  it('discloses flat 7.92 %, 1 200.00 over 12 months as 14.31 % (monthly IRR 1.1926 % × 12)', () => {
    const terms = productTerms({ annualRate: '7.92', interestMethod: 'flat' });
    const rows = generateSchedule({ principal: '1200.00', annualRate: '7.92', term: 12, startDate: '2026-01-15', terms });
    expect(rows.every((r) => r.total === '107.92')).toBe(true);
    expect(computeApr({ netDisbursed: '1200.00', startDate: '2026-01-15', rows, currency: 'CNY', frequency: 'monthly' })).toBe('14.31');
  });

  it('discloses a fee-free declining schedule at its nominal rate, and more with fees deducted up front', () => {
    const rows = generateSchedule({ principal: '100000.00', annualRate: '12', term: 12, startDate: '2026-01-31', terms: productTerms() });
    expect(computeApr({ netDisbursed: '100000.00', startDate: '2026-01-31', rows, currency: 'CNY', frequency: 'monthly' })).toBe('12.00');
    expect(computeApr({ netDisbursed: '98000.00', startDate: '2026-01-31', rows, currency: 'CNY', frequency: 'monthly' })).toBe('15.85');
  });

  it('uses 26 and 52 periods a year for biweekly and weekly schedules', () => {
    for (const frequency of ['biweekly', 'weekly'] as const) {
      const rows = generateSchedule({ principal: '5000.00', annualRate: '26', term: 20, startDate: '2026-03-02', terms: productTerms({ frequency }) });
      expect(computeApr({ netDisbursed: '5000.00', startDate: '2026-03-02', rows, currency: 'CNY', frequency })).toBe('26.00');
    }
  });

  it('infers the period from the rows when the caller does not name it', () => {
    const rows = generateSchedule({ principal: '5000.00', annualRate: '26', term: 20, startDate: '2026-03-02', terms: productTerms({ frequency: 'biweekly' }) });
    expect(computeApr({ netDisbursed: '5000.00', startDate: '2026-03-02', rows, currency: 'CNY' })).toBe('26.00');
    // One year, one payment of 110 for 100: 12 monthly periods at 0.7974 % each.
    expect(computeApr({ netDisbursed: '100.00', startDate: '2026-01-01', rows: [row(1, '2027-01-01', '110.00')], currency: 'CNY' })).toBe('9.57');
  });

  it('counts odd days of a month as days over 30 (Reg Z unit-period fractions)', () => {
    // 15 days past a whole month: 1.5 periods, so 100 → 103 is (1.03^(1/1.5) − 1) × 12.
    expect(computeApr({ netDisbursed: '100.00', startDate: '2026-01-10', rows: [row(1, '2026-02-25', '103.00')], currency: 'CNY', frequency: 'monthly' })).toBe('23.88');
  });

  it('can be negative when less comes back than went out', () => {
    expect(computeApr({ netDisbursed: '100.00', startDate: '2026-01-01', rows: [row(1, '2027-01-01', '90.00')], currency: 'CNY', frequency: 'monthly' })).toBe('-10.49');
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

describe('aprCap compares the irr-nominal APR', () => {
  it('accepts a fee-free 24 % declining product under aprCap "24" (the effective rate would be 26.82 %)', () => {
    const terms = productTerms({ annualRate: '24', aprCap: '24' });
    expect(representativeApr(terms)).toBe('24.00');
    given(productDecider).when({ type: 'DefineProduct', data: { productId: 'p-24', terms } }).then([
      { type: 'LoanProductDefined', data: { productId: 'p-24', version: 1, terms } },
    ]);
  });
});

describe('assertAprWithinCap', () => {
  it('passes at or under the cap, or with no cap', () => {
    expect(() => assertAprWithinCap('24.00', '24')).not.toThrow();
    expect(() => assertAprWithinCap('99.00', null)).not.toThrow();
  });

  it('refuses above the cap, naming the APR and its method', () => {
    let caught: unknown;
    try {
      assertAprWithinCap('24.01', '24');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'APR_CAP_EXCEEDED', kind: 'rule', details: { apr: '24.01', cap: '24', aprMethod: 'irr-nominal' } });
    expect((caught as Error).message).toContain('24.01');
  });
});
