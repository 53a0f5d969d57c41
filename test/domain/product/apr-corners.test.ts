import { describe, expect, it } from 'vitest';
import { aprAtCorners } from '../../../src/domain/product/apr-corners.js';
import { productDecider } from '../../../src/domain/product/decider.js';
import { given } from '../decider-spec.js';
import { productTerms } from '../product-terms.fixture.js';

// 12 %, 1 000–200 000 over 3–36 months, a fixed 50.00 origination fee: harmless on the largest,
// longest loan (about 12.0 %), about 32 % on 1 000.00 over 3 months.
const fixedFee = productTerms({ fees: [{ kind: 'origination', type: 'fixed', value: '50' }], aprCap: '24' });

describe('the APR cap holds at every corner of principal × term', () => {
  it('computes the APR of each corner', () => {
    const corners = aprAtCorners(fixedFee);
    expect(corners.map((c) => [c.principal, c.term])).toEqual([['1000.00', 3], ['1000.00', 36], ['200000.00', 3], ['200000.00', 36]]);
    const apr = (principal: string, term: number) => Number(corners.find((c) => c.principal === principal && c.term === term)?.apr);
    expect(apr('200000.00', 36)).toBeLessThan(12.1);
    expect(apr('1000.00', 3)).toBeGreaterThan(24);
  });

  it('refuses a product whose smallest, shortest loan breaks its cap, naming that corner and its APR', () => {
    given(productDecider).when({ type: 'DefineProduct', data: { productId: 'p-fee', terms: fixedFee } }).thenThrows('APR_CAP_EXCEEDED');
    expect(() => productDecider.decide({ type: 'DefineProduct', data: { productId: 'p-fee', terms: fixedFee } }, productDecider.initialState()))
      .toThrow(/^APR \d+\.\d\d % \(irr-nominal\) at principal 1000\.00 over 3 periods exceeds the product's cap of 24 %$/);
  });

  it('refuses an amendment that moves a corner over the cap', () => {
    const defined = { type: 'LoanProductDefined' as const, data: { productId: 'p', version: 1, terms: productTerms() } };
    given(productDecider, [defined]).when({ type: 'AmendProduct', data: { terms: fixedFee } }).thenThrows('APR_CAP_EXCEEDED');
  });

  it('accepts the same fee once the smallest loan is large enough to carry it', () => {
    const terms = { ...fixedFee, principal: { min: '5000.00', max: '200000.00' }, term: { min: 6, max: 36 } };
    expect(aprAtCorners(terms).every((c) => Number(c.apr) <= 24)).toBe(true);
    given(productDecider).when({ type: 'DefineProduct', data: { productId: 'p-ok', terms } }).then([{ type: 'LoanProductDefined', data: { productId: 'p-ok', version: 1, terms } }]);
  });

  it('refuses a fixed fee that leaves nothing to pay out on the smallest principal', () => {
    const terms = productTerms({ fees: [{ kind: 'origination', type: 'fixed', value: '1000' }], aprCap: null });
    given(productDecider).when({ type: 'DefineProduct', data: { productId: 'p-all-fee', terms } }).thenThrows('FEES_EXCEED_PRINCIPAL');
  });
});
