import type { ProductTerms } from '../domain/product/events.js';

export interface DemoProduct {
  productId: string;
  terms: ProductTerms;
  /** Principal range and terms the demo's borrowers ask for, inside the product's ranges. */
  principal: { min: number; max: number; step: number };
  periods: readonly number[];
  purpose: string;
}

const COMMON = {
  currency: 'CNY', interestMethod: 'declining', interestCalculation: 'period', dayCount: 'ACT/365', graceOnPrincipal: 0, graceOnInterest: 0,
  inMultiplesOf: null, roundingMode: 'HALF_EVEN', allocationOrder: 'penalty-fee-interest-principal', writeOffDpd: 180,
} as const;

/** Three products a consumer lender would run: a monthly annuity, a weekly micro-loan and a bullet loan. */
export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    productId: '01900000-0000-7000-8000-0000000de001',
    terms: {
      ...COMMON, name: 'Personal instalment loan', principal: { min: '5000.00', max: '200000.00' }, term: { min: 12, max: 36 },
      frequency: 'monthly', annualRate: '14.4', amortization: 'equal-installment',
      fees: [{ kind: 'origination', type: 'percent', value: '1' }],
      penalty: { type: 'percent', value: '5', cap: '300.00', graceDays: 3 }, aprCap: '24',
    },
    principal: { min: 10, max: 120, step: 1000 }, periods: [12, 24, 36], purpose: 'home improvement',
  },
  {
    productId: '01900000-0000-7000-8000-0000000de002',
    terms: {
      ...COMMON, name: 'Weekly micro-loan', principal: { min: '500.00', max: '20000.00' }, term: { min: 8, max: 26 },
      frequency: 'weekly', annualRate: '18', amortization: 'equal-installment', fees: [],
      penalty: { type: 'fixed', value: '20.00', cap: '20.00', graceDays: 2 }, aprCap: '24',
    },
    principal: { min: 2, max: 40, step: 500 }, periods: [8, 13, 26], purpose: 'working capital',
  },
  {
    productId: '01900000-0000-7000-8000-0000000de003',
    terms: {
      ...COMMON, name: 'Bullet bridging loan', principal: { min: '10000.00', max: '300000.00' }, term: { min: 3, max: 6 },
      frequency: 'monthly', annualRate: '12', amortization: 'bullet', fees: [],
      penalty: { type: 'percent', value: '2', cap: '1000.00', graceDays: 5 }, aprCap: '24',
    },
    principal: { min: 2, max: 30, step: 10000 }, periods: [3, 6], purpose: 'bridging finance',
  },
];
