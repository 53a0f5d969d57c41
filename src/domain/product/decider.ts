import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { ProductEvent, ProductTerms } from './events.js';
import { assertCornersWithinCap } from './apr-corners.js';
import { validateProductTerms } from './terms.js';

export type DefineProduct = { type: 'DefineProduct'; data: { productId: string; terms: ProductTerms } };
export type AmendProduct = { type: 'AmendProduct'; data: { terms: ProductTerms } };
export type RetireProduct = { type: 'RetireProduct'; data: { reason: string | null } };
export type ProductCommand = DefineProduct | AmendProduct | RetireProduct;

export interface ProductState {
  exists: boolean;
  productId: string | null;
  version: number;
  terms: ProductTerms | null;
  retired: boolean;
}

/** Terms a loan can be built from and whose every extreme loan (principal × term corners) stays under the APR cap. */
function checkTerms(terms: ProductTerms): void {
  validateProductTerms(terms);
  assertCornersWithinCap(terms);
}

function existing(state: ProductState): { productId: string; version: number } {
  if (!state.exists || state.productId === null) throw new DomainError('PRODUCT_NOT_FOUND', 'No such product', 'not_found');
  if (state.retired) throw new DomainError('PRODUCT_RETIRED', `Product ${state.productId} is retired`, 'conflict', { productId: state.productId });
  return { productId: state.productId, version: state.version };
}

function decide(command: ProductCommand, state: ProductState): ProductEvent[] {
  switch (command.type) {
    case 'DefineProduct': {
      const { productId, terms } = command.data;
      if (state.exists) throw new DomainError('PRODUCT_EXISTS', `Product ${productId} already exists`, 'conflict', { productId });
      checkTerms(terms);
      return [{ type: 'LoanProductDefined', data: { productId, version: 1, terms } }];
    }
    case 'AmendProduct': {
      const { productId, version } = existing(state);
      checkTerms(command.data.terms);
      // A new version only: loans copied their terms at application and keep them.
      return [{ type: 'LoanProductAmended', data: { productId, version: version + 1, terms: command.data.terms } }];
    }
    case 'RetireProduct': {
      const { productId } = existing(state);
      return [{ type: 'LoanProductRetired', data: { productId, reason: command.data.reason } }];
    }
  }
}

function evolve(state: ProductState, event: ProductEvent): ProductState {
  switch (event.type) {
    case 'LoanProductDefined':
    case 'LoanProductAmended':
      return { ...state, exists: true, productId: event.data.productId, version: event.data.version, terms: event.data.terms };
    case 'LoanProductRetired':
      return { ...state, retired: true };
  }
}

/** A product's life: defined once, amended into new versions, retired for good. */
export const productDecider: Decider<ProductCommand, ProductEvent, ProductState> = {
  decide,
  evolve,
  initialState: () => ({ exists: false, productId: null, version: 0, terms: null, retired: false }),
};
