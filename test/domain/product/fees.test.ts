import { describe, expect, it } from 'vitest';
import { Money } from '../../../src/domain/money.js';
import { originationFees, serviceFeePerInstallment } from '../../../src/domain/product/fees.js';
import { productTerms } from '../product-terms.fixture.js';

describe('product fees', () => {
  const terms = productTerms({
    roundingMode: 'HALF_UP',
    fees: [
      { kind: 'origination', type: 'percent', value: '1.5' },
      { kind: 'origination', type: 'fixed', value: '20' },
      { kind: 'service', type: 'percent', value: '0.125' },
      { kind: 'service', type: 'fixed', value: '3.50' },
    ],
  });
  const principal = Money.parse('10001.00', 'CNY');

  it('computes origination fees per term, percent of the principal rounded per product', () => {
    expect(originationFees(principal, terms)).toEqual([
      { kind: 'origination', amount: '150.02' },
      { kind: 'origination', amount: '20.00' },
    ]);
  });

  it('sums service fees per installment', () => {
    expect(serviceFeePerInstallment(principal, terms).toString()).toBe('16.00');
    expect(serviceFeePerInstallment(principal, productTerms()).toString()).toBe('0.00');
  });
});
