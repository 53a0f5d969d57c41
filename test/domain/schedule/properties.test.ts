import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, type Decimal } from '../../../src/domain/decimal.js';
import type { ScheduleRow } from '../../../src/domain/loan/events.js';
import type { ProductTerms } from '../../../src/domain/product/events.js';
import { generateSchedule } from '../../../src/domain/schedule/generate.js';
import { productTerms } from '../product-terms.fixture.js';

const date = fc
  .record({ year: fc.integer({ min: 1999, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

const product = fc.record({
  principal: fc.integer({ min: 100, max: 1_000_000_000 }).map((cents) => new Dec(cents).dividedBy(100).toFixed(2)),
  annualRate: fc.integer({ min: 0, max: 3600 }).map((bp) => new Dec(bp).dividedBy(100).toString()),
  term: fc.integer({ min: 1, max: 60 }),
  startDate: date,
  frequency: fc.constantFrom<ProductTerms['frequency'][]>('monthly', 'biweekly', 'weekly'),
  interestMethod: fc.constantFrom<ProductTerms['interestMethod'][]>('declining', 'flat'),
  amortization: fc.constantFrom<ProductTerms['amortization'][]>('equal-installment', 'equal-principal', 'bullet'),
  interestCalculation: fc.constantFrom<ProductTerms['interestCalculation'][]>('period', 'daily'),
  dayCount: fc.constantFrom<ProductTerms['dayCount'][]>('ACT/365', 'ACT/ACT', '30/360'),
  roundingMode: fc.constantFrom<ProductTerms['roundingMode'][]>('HALF_EVEN', 'HALF_UP', 'UP', 'DOWN', 'CEIL', 'FLOOR'),
  inMultiplesOf: fc.constantFrom(null, '1', '100'),
  graceOnPrincipal: fc.nat(6),
  graceOnInterest: fc.nat(6),
  serviceFee: fc.constantFrom('0', '2.50'),
});
type Product = typeof product extends fc.Arbitrary<infer T> ? T : never;

function build(p: Product, overrides: Partial<ProductTerms> = {}): ScheduleRow[] {
  const terms = productTerms({
    frequency: p.frequency,
    interestMethod: p.interestMethod,
    amortization: p.amortization,
    interestCalculation: p.interestCalculation,
    dayCount: p.dayCount,
    roundingMode: p.roundingMode,
    inMultiplesOf: p.inMultiplesOf,
    graceOnPrincipal: Math.min(p.graceOnPrincipal, p.term - 1),
    graceOnInterest: Math.min(p.graceOnInterest, p.term - 1),
    fees: [{ kind: 'service', type: 'fixed', value: p.serviceFee }],
    ...overrides,
  });
  return generateSchedule({ principal: p.principal, annualRate: p.annualRate, term: p.term, startDate: p.startDate, terms });
}

const total = (rows: ScheduleRow[], key: 'principal' | 'interest'): Decimal => rows.reduce((s, r) => s.plus(r[key]), new Dec(0));

describe('schedule properties over random products', () => {
  it('principal sums exactly, balances step down to zero, never negative, rows add up', () => {
    fc.assert(
      fc.property(product, (p) => {
        const rows = build(p);
        expect(rows).toHaveLength(p.term);
        expect(total(rows, 'principal').eq(p.principal)).toBe(true);
        let balance = new Dec(p.principal);
        for (const row of rows) {
          balance = balance.minus(row.principal);
          expect(new Dec(row.balance).eq(balance)).toBe(true);
          expect([row.principal, row.interest, row.fee, row.balance].every((v) => !new Dec(v).isNegative())).toBe(true);
          expect(new Dec(row.principal).plus(row.interest).plus(row.fee).eq(row.total)).toBe(true);
        }
        expect(rows[rows.length - 1]!.balance).toBe('0.00');
      }),
      { numRuns: 300 },
    );
  });

  // Exact totals are ordered; the schedules round every row (flat rounds its total once), so a
  // comparison may be off by at most half a minor unit per row and no more.
  it('total interest: equal principal ≤ equal installment ≤ flat, up to per-row rounding', () => {
    fc.assert(
      fc.property(product, (p) => {
        const same = { inMultiplesOf: null, roundingMode: 'HALF_EVEN' } as const;
        const slack = new Dec('0.005').times(p.term);
        const equalPrincipal = total(build(p, { ...same, interestMethod: 'declining', amortization: 'equal-principal' }), 'interest');
        const equalInstallment = total(build(p, { ...same, interestMethod: 'declining', amortization: 'equal-installment' }), 'interest');
        const flat = total(build(p, { ...same, interestMethod: 'flat', amortization: 'equal-installment' }), 'interest');
        expect(equalPrincipal.lte(equalInstallment.plus(slack)), `${equalPrincipal} ≤ ${equalInstallment}`).toBe(true);
        expect(equalInstallment.lte(flat.plus(slack)), `${equalInstallment} ≤ ${flat}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
