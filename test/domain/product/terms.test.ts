import { describe, expect, it } from 'vitest';
import type { ProductTerms } from '../../../src/domain/product/events.js';
import { validateProductTerms } from '../../../src/domain/product/terms.js';
import { productTerms } from '../product-terms.fixture.js';

describe('validateProductTerms', () => {
  it('accepts a sound product', () => {
    expect(() => validateProductTerms(productTerms())).not.toThrow();
    expect(() => validateProductTerms(productTerms({ annualRate: '0', aprCap: null, penalty: null, inMultiplesOf: '1' }))).not.toThrow();
    expect(() => validateProductTerms(productTerms({ interestMethod: 'flat', inMultiplesOf: '1' }))).not.toThrow();
    expect(() => validateProductTerms(productTerms({ amortization: 'bullet', inMultiplesOf: '100000.00' }))).not.toThrow();
  });

  it('refuses terms whose schedule degenerates, saying why (422 DEGENERATE_SCHEDULE)', () => {
    // 1 000.00 over 36 months is 27.78 an installment; in multiples of 5 000.00 row 1 repays it all.
    let caught: unknown;
    try {
      validateProductTerms(productTerms({ annualRate: '0', aprCap: null, inMultiplesOf: '5000.00' }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'DEGENERATE_SCHEDULE', kind: 'rule', details: { principal: '1000.00', term: 36 } });
    expect((caught as Error).message).toBe(
      'A 1000.00 CNY loan over 36 periods gives a degenerate schedule: the principal is repaid by row 1 of 36 (each installment rounded up to a multiple of 5000.00), so rows 2–36 would repay nothing',
    );
    // Subtler: multiples of 100 lose up to 99.99 a row, and 1 000.00 is gone by row 10.
    expect(() => validateProductTerms(productTerms({ annualRate: '0', aprCap: null, inMultiplesOf: '100' }))).toThrow(expect.objectContaining({ code: 'DEGENERATE_SCHEDULE' }));
    expect(() => validateProductTerms(productTerms({ interestMethod: 'flat', inMultiplesOf: '500' }))).toThrow(expect.objectContaining({ code: 'DEGENERATE_SCHEDULE' }));
  });

  const broken: [string, Partial<ProductTerms>][] = [
    ['INVALID_PRODUCT_NAME', { name: '  ' }],
    ['UNSUPPORTED_CURRENCY', { currency: 'XYZ' }],
    ['INVALID_AMOUNT', { principal: { min: 'abc', max: '100' } }],
    ['AMOUNT_TOO_PRECISE', { principal: { min: '1.001', max: '100' } }],
    ['INVALID_PRODUCT_RANGE', { principal: { min: '5000', max: '1000' } }],
    ['INVALID_TERM', { term: { min: 0, max: 12 } }],
    ['INVALID_TERM', { term: { min: 1.5, max: 12 } }],
    ['INVALID_TERM', { term: { min: 1, max: 601 } }],
    ['INVALID_PRODUCT_RANGE', { term: { min: 12, max: 6 } }],
    ['RATE_OUT_OF_RANGE', { annualRate: '100.01' }],
    ['RATE_OUT_OF_RANGE', { annualRate: '-1' }],
    ['RATE_OUT_OF_RANGE', { annualRate: '1e1' }],
    ['INVALID_GRACE', { graceOnPrincipal: 3 }],
    ['INVALID_GRACE', { graceOnInterest: 3 }],
    ['INVALID_GRACE', { graceOnPrincipal: -1 }],
    ['INVALID_GRACE', { graceOnInterest: 0.5 }],
    // Amounts follow the one money rule (400, naming the field): zero where positive is required is INVALID_AMOUNT.
    ['INVALID_AMOUNT', { inMultiplesOf: '0' }],
    ['AMOUNT_TOO_PRECISE', { inMultiplesOf: '0.001' }],
    ['INVALID_AMOUNT', { reversalApprovalAbove: '0.00' }],
    ['INVALID_FEE', { fees: [{ kind: 'origination', type: 'percent', value: '101' }] }],
    ['NEGATIVE_AMOUNT', { fees: [{ kind: 'service', type: 'fixed', value: '-5' }] }],
    ['AMOUNT_TOO_PRECISE', { fees: [{ kind: 'service', type: 'fixed', value: '1.234' }] }],
    ['INVALID_PENALTY', { penalty: { type: 'percent', value: '120', cap: null, graceDays: 0 } }],
    ['INVALID_AMOUNT', { penalty: { type: 'fixed', value: 'x', cap: null, graceDays: 0 } }],
    ['NEGATIVE_AMOUNT', { penalty: { type: 'fixed', value: '50', cap: '-1', graceDays: 0 } }],
    ['INVALID_PENALTY', { penalty: { type: 'fixed', value: '50', cap: '500', graceDays: -2 } }],
    ['INVALID_APR_CAP', { aprCap: '0' }],
    ['INVALID_APR_CAP', { aprCap: '150' }],
    ['INVALID_WRITE_OFF_DPD', { writeOffDpd: -1 }],
  ];

  it.each(broken)('refuses with %s', (code, overrides) => {
    expect(() => validateProductTerms(productTerms(overrides))).toThrow(expect.objectContaining({ name: 'DomainError', code }));
  });

  it('grace may use all but one period of the shortest term', () => {
    expect(() => validateProductTerms(productTerms({ graceOnPrincipal: 2, graceOnInterest: 2 }))).not.toThrow();
  });
});
