import type { ProductTerms } from '../../src/domain/product/events.js';

/** The one product every generated loan is written under: a plain monthly annuity in CNY. */
export const BENCH_PRODUCT_ID = '0190f0c0-0000-7000-8000-00000000b001';

/** Terms for a term of up to `maxTerm` months; a penalty so close of business has something to charge. */
export function benchTerms(maxTerm: number): ProductTerms {
  return {
    name: 'Bench consumer loan',
    currency: 'CNY',
    principal: { min: '1000.00', max: '1000000.00' },
    term: { min: 3, max: Math.max(12, maxTerm) },
    frequency: 'monthly',
    annualRate: '12',
    interestMethod: 'declining',
    amortization: 'equal-installment',
    interestCalculation: 'period',
    dayCount: 'ACT/365',
    graceOnPrincipal: 0,
    graceOnInterest: 0,
    inMultiplesOf: null,
    roundingMode: 'HALF_EVEN',
    fees: [],
    penalty: { type: 'percent', value: '0.05', cap: null, graceDays: 3 },
    allocationOrder: 'penalty-fee-interest-principal',
    aprCap: '24',
    writeOffDpd: 180,
  };
}
