import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { ProductTerms } from './events.js';

/**
 * The principal (parsed in the product currency) when it and the term lie inside the product's
 * ranges; throws 422 AMOUNT_OUT_OF_RANGE or TERM_OUT_OF_RANGE (the codes an application gets).
 */
export function withinProductRanges(terms: ProductTerms, principalText: string, term: number): Money {
  const principal = Money.parse(principalText, terms.currency, { field: 'principal' });
  const { min, max } = terms.principal;
  if (principal.lt(Money.of(min, terms.currency)) || principal.gt(Money.of(max, terms.currency))) {
    throw new DomainError('AMOUNT_OUT_OF_RANGE', `Principal ${principal} is outside ${min}–${max}`, 'rule', { min, max });
  }
  if (!Number.isInteger(term) || term < terms.term.min || term > terms.term.max) {
    throw new DomainError('TERM_OUT_OF_RANGE', `Term ${term} is outside ${terms.term.min}–${terms.term.max}`, 'rule', { ...terms.term });
  }
  return principal;
}
