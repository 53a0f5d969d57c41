import type { ProductTerms } from '../../src/domain/product/events.js';

/** A plain CNY consumer loan product; specs override what they exercise. */
export function productTerms(overrides: Partial<ProductTerms> = {}): ProductTerms {
  return {
    name: 'Consumer loan',
    currency: 'CNY',
    principal: { min: '1000.00', max: '200000.00' },
    term: { min: 3, max: 36 },
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
    ...overrides,
  };
}
