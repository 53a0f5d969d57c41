import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import type { ScheduleRow } from '../../../src/domain/loan/events.js';
import type { ProductTerms } from '../../../src/domain/product/events.js';
import { generateSchedule } from '../../../src/domain/schedule/generate.js';
import { productTerms } from '../product-terms.fixture.js';

function schedule(principal: string, annualRate: string, term: number, overrides: Partial<ProductTerms> = {}, startDate = '2026-01-31'): ScheduleRow[] {
  return generateSchedule({ principal, annualRate, term, startDate, terms: productTerms(overrides) });
}

const column = (rows: ScheduleRow[], key: 'principal' | 'interest' | 'fee' | 'total') => rows.map((r) => r[key]);
const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), new Dec(0)).toFixed(2);

describe('equal installments, declining balance (Fineract oracle)', () => {
  const rows = schedule('100000.00', '12', 12);

  it('matches the worked example to the cent', () => {
    expect(rows[0]).toEqual({ number: 1, dueDate: '2026-02-28', principal: '7884.88', interest: '1000.00', fee: '0.00', total: '8884.88', balance: '92115.12' });
    expect(rows[11]).toEqual({ number: 12, dueDate: '2027-01-31', principal: '8796.88', interest: '87.97', fee: '0.00', total: '8884.85', balance: '0.00' });
    expect(new Set(column(rows.slice(0, 11), 'total'))).toEqual(new Set(['8884.88']));
    expect(sum(column(rows, 'interest'))).toBe('6618.53');
    expect(sum(column(rows, 'principal'))).toBe('100000.00');
  });

  it('keeps month-end due dates from the start date', () => {
    expect(rows.slice(0, 3).map((r) => r.dueDate)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('rounds the EMI up to inMultiplesOf, the last row taking the rest', () => {
    const rounded = schedule('100000.00', '12', 12, { inMultiplesOf: '100' });
    expect(new Set(column(rounded.slice(0, 11), 'total'))).toEqual(new Set(['8900.00']));
    expect(sum(column(rounded, 'principal'))).toBe('100000.00');
    expect(Number(rounded[11]!.total)).toBeLessThan(8900);
  });

  it('spreads a zero rate evenly', () => {
    const rows0 = schedule('1200.00', '0', 12);
    expect(new Set(column(rows0, 'principal'))).toEqual(new Set(['100.00']));
    expect(new Set(column(rows0, 'interest'))).toEqual(new Set(['0.00']));
  });
});

describe('other amortizations and methods', () => {
  it('equal principal: same principal, interest on the declining balance', () => {
    const rows = schedule('12000.00', '12', 12, { amortization: 'equal-principal' });
    expect(new Set(column(rows, 'principal'))).toEqual(new Set(['1000.00']));
    expect(column(rows, 'interest').slice(0, 3)).toEqual(['120.00', '110.00', '100.00']);
    expect(sum(column(rows, 'interest'))).toBe('780.00');
  });

  it('equal principal: the last row takes the rounding remainder', () => {
    const rows = schedule('100.00', '12', 3, { amortization: 'equal-principal' });
    expect(column(rows, 'principal')).toEqual(['33.33', '33.33', '33.34']);
  });

  it('flat: interest on the original principal every period', () => {
    const rows = schedule('12000.00', '12', 12, { interestMethod: 'flat' });
    expect(new Set(column(rows, 'interest'))).toEqual(new Set(['120.00']));
    expect(new Set(column(rows, 'total'))).toEqual(new Set(['1120.00']));
  });

  it('flat: the last row trues up the spread interest', () => {
    const rows = schedule('1000.00', '10', 3, { interestMethod: 'flat' });
    // 1000 × 10 % ÷ 12 × 3 = 25.00 total, spread 8.33 + 8.33 + 8.34.
    expect(column(rows, 'interest')).toEqual(['8.33', '8.33', '8.34']);
  });

  it('flat: inMultiplesOf rounds the installment up, the last row is the smaller one', () => {
    // 5 000.00 × 12 % flat × 18 months = 900.00 interest; 5 900.00 ÷ 18 = 327.78 → 328.00.
    const rows = schedule('5000.00', '12', 18, { interestMethod: 'flat', inMultiplesOf: '1' });
    expect(new Set(column(rows, 'total').slice(0, 17))).toEqual(new Set(['328.00']));
    expect(rows[17]).toMatchObject({ principal: '274.00', interest: '50.00', total: '324.00', balance: '0.00' });
    expect(sum(column(rows, 'principal'))).toBe('5000.00');
    expect(sum(column(rows, 'interest'))).toBe('900.00');
  });

  it('flat bullet: even interest, principal at the end', () => {
    const rows = schedule('12000.00', '12', 3, { interestMethod: 'flat', amortization: 'bullet' });
    expect(column(rows, 'principal')).toEqual(['0.00', '0.00', '12000.00']);
    expect(column(rows, 'interest')).toEqual(['120.00', '120.00', '120.00']);
  });

  it('bullet: interest every period, principal in the last', () => {
    const rows = schedule('12000.00', '12', 3, { amortization: 'bullet' });
    expect(column(rows, 'principal')).toEqual(['0.00', '0.00', '12000.00']);
    expect(column(rows, 'interest')).toEqual(['120.00', '120.00', '120.00']);
    expect(column(rows, 'total')).toEqual(['120.00', '120.00', '12120.00']);
  });
});

describe('frequencies and daily interest', () => {
  it('biweekly and weekly periods use 26 and 52 periods a year', () => {
    const biweekly = schedule('26000.00', '26', 2, { frequency: 'biweekly', amortization: 'bullet' }, '2026-01-01');
    expect(column(biweekly, 'interest')).toEqual(['260.00', '260.00']);
    expect(biweekly.map((r) => r.dueDate)).toEqual(['2026-01-15', '2026-01-29']);
    const weekly = schedule('52000.00', '52', 2, { frequency: 'weekly', amortization: 'bullet' }, '2026-01-01');
    expect(column(weekly, 'interest')).toEqual(['520.00', '520.00']);
    expect(weekly.map((r) => r.dueDate)).toEqual(['2026-01-08', '2026-01-15']);
  });

  it('ACT/365 charges the actual days over 365', () => {
    const rows = schedule('100000.00', '12', 2, { interestCalculation: 'daily', amortization: 'bullet' });
    // 28 days (Jan 31 → Feb 28) and 31 days (→ Mar 31).
    expect(column(rows, 'interest')).toEqual(['920.55', '1019.18']);
  });

  it('ACT/ACT uses the real length of each year', () => {
    const rows = schedule('100000.00', '12', 1, { interestCalculation: 'daily', dayCount: 'ACT/ACT', amortization: 'bullet' }, '2024-01-31');
    expect(rows[0]!.interest).toBe('950.82'); // 29 days of 366
    const spanning = schedule('100000.00', '12', 1, { interestCalculation: 'daily', dayCount: 'ACT/ACT', amortization: 'bullet' }, '2027-12-15');
    // 17 days of 2027 over 365 plus 14 days of 2028 over 366.
    expect(spanning[0]!.interest).toBe('1017.92');
  });

  it('30/360 counts every whole month as 30 days', () => {
    const rows = schedule('100000.00', '12', 2, { interestCalculation: 'daily', dayCount: '30/360', amortization: 'bullet' }, '2026-01-15');
    expect(column(rows, 'interest')).toEqual(['1000.00', '1000.00']);
    // Anchored on Jan 31, Feb 28 is that month's due date and counts as the 30th (issue 11: was 933.33, 28 days).
    const monthEnd = schedule('100000.00', '12', 2, { interestCalculation: 'daily', dayCount: '30/360', amortization: 'bullet' });
    expect(column(monthEnd, 'interest')).toEqual(['1000.00', '1000.00']);
  });

  it('30/360 month-end anchor: 10 000.00 at 12 %, 3 monthly, disbursed 2025-01-31 → 100.00 / 67.00 / 33.67', () => {
    const rows = schedule('10000.00', '12', 3, { interestCalculation: 'daily', dayCount: '30/360' }, '2025-01-31');
    expect(rows.map((r) => r.dueDate)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30']);
    expect(column(rows, 'interest')).toEqual(['100.00', '67.00', '33.67']);
  });

  it('30/360 without a month-end anchor: disbursed 2025-01-28, the March period still counts 30 days', () => {
    const rows = schedule('10000.00', '12', 3, { interestCalculation: 'daily', dayCount: '30/360', amortization: 'bullet' }, '2025-01-28');
    expect(rows.map((r) => r.dueDate)).toEqual(['2025-02-28', '2025-03-28', '2025-04-28']);
    expect(column(rows, 'interest')).toEqual(['100.00', '100.00', '100.00']);
  });

  it('daily equal installments still end exactly at zero', () => {
    const rows = schedule('100000.00', '12', 12, { interestCalculation: 'daily' });
    expect(sum(column(rows, 'principal'))).toBe('100000.00');
    expect(rows[11]!.balance).toBe('0.00');
  });
});

describe('grace, fees and rounding', () => {
  it('grace on principal: interest-only rows, EMI over the rest', () => {
    const rows = schedule('100000.00', '12', 14, { graceOnPrincipal: 2 });
    expect(rows.slice(0, 2).map((r) => [r.principal, r.interest])).toEqual([['0.00', '1000.00'], ['0.00', '1000.00']]);
    expect(rows[2]).toMatchObject({ principal: '7884.88', interest: '1000.00', total: '8884.88' });
    expect(sum(column(rows, 'principal'))).toBe('100000.00');
  });

  it('grace on interest: interest deferred to the first paying period', () => {
    const plain = schedule('100000.00', '12', 12);
    const rows = schedule('100000.00', '12', 12, { graceOnInterest: 2 });
    expect(column(rows, 'interest').slice(0, 3)).toEqual(['0.00', '0.00', '2762.66']); // 1000.00 + 921.15 + 841.51
    expect(column(rows, 'principal')).toEqual(column(plain, 'principal'));
    expect(sum(column(rows, 'interest'))).toBe('6618.53');
  });

  it('puts the service fee in the fee column of every row', () => {
    const rows = schedule('12000.00', '12', 12, {
      amortization: 'equal-principal',
      fees: [{ kind: 'service', type: 'fixed', value: '10' }, { kind: 'origination', type: 'fixed', value: '500' }],
    });
    expect(new Set(column(rows, 'fee'))).toEqual(new Set(['10.00']));
    expect(rows[0]!.total).toBe('1130.00');
  });

  it('rounds to the currency with the product rounding mode', () => {
    const jpy = schedule('1000000', '12', 12, { currency: 'JPY' });
    expect(jpy[0]).toMatchObject({ principal: '78849', interest: '10000', total: '88849' });
    const down = schedule('100.00', '10', 3, { interestMethod: 'flat', roundingMode: 'UP' });
    expect(column(down, 'interest')).toEqual(['0.84', '0.84', '0.82']);
  });

  it('builds a 360-row schedule that ends at zero', () => {
    const rows = schedule('1000000.00', '4.9', 360);
    expect(rows).toHaveLength(360);
    expect(rows[359]!.balance).toBe('0.00');
    expect(sum(column(rows, 'principal'))).toBe('1000000.00');
  });
});

describe('input errors', () => {
  it.each([
    ['INVALID_TERM', () => schedule('1000.00', '12', 0)],
    ['INVALID_TERM', () => schedule('1000.00', '12', 2.5)],
    ['INVALID_GRACE', () => schedule('1000.00', '12', 2, { graceOnPrincipal: 2 })],
    ['RATE_OUT_OF_RANGE', () => schedule('1000.00', '101', 12)],
    ['RATE_OUT_OF_RANGE', () => schedule('1000.00', 'abc', 12)],
    ['INVALID_AMOUNT', () => schedule('0', '12', 12)],
    ['INVALID_DATE', () => schedule('1000.00', '12', 12, {}, '2026-02-30')],
  ])('refuses with %s', (code, build) => {
    expect(build).toThrow(expect.objectContaining({ code }));
  });
});
