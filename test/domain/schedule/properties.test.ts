import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, type Decimal } from '../../../src/domain/decimal.js';
import type { ScheduleRow } from '../../../src/domain/loan/events.js';
import type { ProductTerms } from '../../../src/domain/product/events.js';
import { computeApr } from '../../../src/domain/apr.js';
import { degenerateScheduleReason } from '../../../src/domain/schedule/degenerate.js';
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

  it('flat installments in multiples: every row but the last is the same multiple, the last no larger', () => {
    fc.assert(
      fc.property(product, fc.constantFrom('1', '10', '0.50'), (p, step) => {
        const rows = build({ ...p, serviceFee: '0' }, { interestMethod: 'flat', amortization: 'equal-installment', inMultiplesOf: step, graceOnPrincipal: 0, graceOnInterest: 0 });
        expect(total(rows, 'principal').eq(p.principal)).toBe(true);
        if (degenerateScheduleReason(rows, productTerms({ interestMethod: 'flat', inMultiplesOf: step })) !== null) return;
        const regular = rows.slice(0, -1).map((r) => new Dec(r.total));
        expect(regular.every((t) => t.eq(regular[0]!) && t.mod(step).isZero())).toBe(true);
        if (regular.length > 0) expect(new Dec(rows[rows.length - 1]!.total).lte(regular[0]!)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// A fee-free declining schedule charges exactly the nominal rate per period, so its irr-nominal APR
// is that rate. Interest is rounded to the cent on each row: an error of at most one minor unit per
// row over the sum of the opening balances bounds how far the periodic IRR can move, plus 0.005 for
// the APR's own two decimals.
describe('irr-nominal APR over random fee-free declining products', () => {
  const PERIODS_PER_YEAR = { monthly: 12, biweekly: 26, weekly: 52 } as const;
  const declining = fc.record({
    principal: fc.integer({ min: 100_000, max: 1_000_000_000 }).map((cents) => new Dec(cents).dividedBy(100).toFixed(2)),
    annualRate: fc.integer({ min: 0, max: 3600 }).map((bp) => new Dec(bp).dividedBy(100).toString()),
    term: fc.integer({ min: 1, max: 60 }),
    startDate: date,
    frequency: fc.constantFrom<ProductTerms['frequency'][]>('monthly', 'biweekly', 'weekly'),
    amortization: fc.constantFrom<ProductTerms['amortization'][]>('equal-installment', 'equal-principal', 'bullet'),
    dayCount: fc.constantFrom<ProductTerms['dayCount'][]>('ACT/365', 'ACT/ACT', '30/360'),
    roundingMode: fc.constantFrom<ProductTerms['roundingMode'][]>('HALF_EVEN', 'HALF_UP', 'UP', 'DOWN'),
    inMultiplesOf: fc.constantFrom(null, '1'),
    graceOnPrincipal: fc.nat(6),
  });

  it('equals the nominal rate within the rows\' rounding', () => {
    fc.assert(
      fc.property(declining, (p) => {
        const terms = productTerms({
          frequency: p.frequency, amortization: p.amortization, interestCalculation: 'period', dayCount: p.dayCount, roundingMode: p.roundingMode,
          inMultiplesOf: p.inMultiplesOf, graceOnPrincipal: Math.min(p.graceOnPrincipal, p.term - 1), fees: [],
        });
        const rows = generateSchedule({ principal: p.principal, annualRate: p.annualRate, term: p.term, startDate: p.startDate, terms });
        const apr = new Dec(computeApr({ netDisbursed: p.principal, startDate: p.startDate, rows, currency: 'CNY', frequency: p.frequency }));
        let opening = new Dec(p.principal);
        let balances = new Dec(0);
        for (const row of rows) {
          balances = balances.plus(opening);
          opening = new Dec(row.balance);
        }
        const bound = new Dec('0.01').times(rows.length).dividedBy(balances).times(PERIODS_PER_YEAR[p.frequency]).times(100).plus('0.005');
        expect(apr.minus(p.annualRate).abs().lte(bound), `APR ${apr.toString()} vs ${p.annualRate} (bound ${bound.toFixed(4)})`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('equals the nominal rate for daily 30/360 monthly interest too (every month is 30 days)', () => {
    fc.assert(
      fc.property(declining, fc.integer({ min: 1, max: 31 }), (p, day) => {
        const start = `${p.startDate.slice(0, 8)}${String(Math.min(day, 28)).padStart(2, '0')}`;
        const terms = productTerms({ frequency: 'monthly', amortization: p.amortization, interestCalculation: 'daily', dayCount: '30/360', roundingMode: 'HALF_EVEN', fees: [] });
        const rows = generateSchedule({ principal: p.principal, annualRate: p.annualRate, term: p.term, startDate: start, terms });
        const period = productTerms({ frequency: 'monthly', amortization: p.amortization, interestCalculation: 'period', roundingMode: 'HALF_EVEN', fees: [] });
        const nominal = generateSchedule({ principal: p.principal, annualRate: p.annualRate, term: p.term, startDate: start, terms: period });
        expect(rows.map((r) => r.interest)).toEqual(nominal.map((r) => r.interest));
      }),
      { numRuns: 200 },
    );
  });
});
