import { describe, expect, it } from 'vitest';
import { productDecider } from '../../../src/domain/product/decider.js';
import type { ProductEvent } from '../../../src/domain/product/events.js';
import { given } from '../decider-spec.js';
import { productTerms } from '../product-terms.fixture.js';

const terms = productTerms();
const defined: ProductEvent = { type: 'LoanProductDefined', data: { productId: 'p-1', version: 1, terms } };
const amendedTerms = productTerms({ annualRate: '10' });
const retired: ProductEvent = { type: 'LoanProductRetired', data: { productId: 'p-1', reason: 'replaced' } };

describe('product decider', () => {
  it('defines a new product as version 1', () => {
    const state = given(productDecider).when({ type: 'DefineProduct', data: { productId: 'p-1', terms } }).then([defined]);
    expect(state).toEqual({ exists: true, productId: 'p-1', version: 1, terms, retired: false });
  });

  it('refuses to define a product twice', () => {
    given(productDecider, [defined]).when({ type: 'DefineProduct', data: { productId: 'p-1', terms } }).thenThrows('PRODUCT_EXISTS', 'conflict');
  });

  it('refuses invalid terms', () => {
    given(productDecider).when({ type: 'DefineProduct', data: { productId: 'p-1', terms: productTerms({ annualRate: '101' }) } }).thenThrows('RATE_OUT_OF_RANGE');
  });

  it('refuses a product whose representative loan breaks the APR cap', () => {
    const costly = productTerms({ annualRate: '21', aprCap: '24', fees: [{ kind: 'origination', type: 'percent', value: '5' }] });
    const error = given(productDecider).when({ type: 'DefineProduct', data: { productId: 'p-1', terms: costly } }).thenThrows('APR_CAP_EXCEEDED', 'rule');
    expect(Number((error.details as { apr: string }).apr)).toBeGreaterThan(24);
  });

  it('counts service fees in the representative APR', () => {
    const serviced = productTerms({ annualRate: '18', aprCap: '24', fees: [{ kind: 'service', type: 'percent', value: '0.5' }] });
    given(productDecider).when({ type: 'DefineProduct', data: { productId: 'p-1', terms: serviced } }).thenThrows('APR_CAP_EXCEEDED');
  });

  it('amends into a new version', () => {
    const state = given(productDecider, [defined])
      .when({ type: 'AmendProduct', data: { terms: amendedTerms } })
      .then([{ type: 'LoanProductAmended', data: { productId: 'p-1', version: 2, terms: amendedTerms } }]);
    expect(state).toMatchObject({ version: 2, terms: amendedTerms });
  });

  it('checks amended terms and the APR cap', () => {
    given(productDecider, [defined]).when({ type: 'AmendProduct', data: { terms: productTerms({ term: { min: 6, max: 3 } }) } }).thenThrows('INVALID_PRODUCT_RANGE');
    given(productDecider, [defined]).when({ type: 'AmendProduct', data: { terms: productTerms({ annualRate: '30' }) } }).thenThrows('APR_CAP_EXCEEDED');
  });

  it('refuses to amend or retire a product that does not exist', () => {
    given(productDecider).when({ type: 'AmendProduct', data: { terms } }).thenThrows('PRODUCT_NOT_FOUND', 'not_found');
    given(productDecider).when({ type: 'RetireProduct', data: { reason: null } }).thenThrows('PRODUCT_NOT_FOUND', 'not_found');
  });

  it('retires a product for good', () => {
    const state = given(productDecider, [defined]).when({ type: 'RetireProduct', data: { reason: 'replaced' } }).then([retired]);
    expect(state.retired).toBe(true);
    given(productDecider, [defined, retired]).when({ type: 'AmendProduct', data: { terms } }).thenThrows('PRODUCT_RETIRED', 'conflict');
    given(productDecider, [defined, retired]).when({ type: 'RetireProduct', data: { reason: null } }).thenThrows('PRODUCT_RETIRED', 'conflict');
  });
});
