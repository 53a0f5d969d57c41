import { APR_METHOD } from '../apr.js';
import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';
import type { ProductTerms } from './events.js';
import { aprFor } from './representative-apr.js';

/** One extreme loan the product allows, and its APR (percent, 2 decimals). */
export interface AprCorner {
  principal: string;
  term: number;
  apr: string;
}

/**
 * The APR at each corner of the product's principal × term bounds (min/max principal by min/max
 * term, duplicates dropped when a bound is a single value). A fixed fee weighs most on the smallest
 * principal and the shortest term, a long term on interest: the extremes are at the corners.
 */
export function aprAtCorners(terms: ProductTerms): AprCorner[] {
  const principals = [...new Set([terms.principal.min, terms.principal.max])];
  const termsInPeriods = [...new Set([terms.term.min, terms.term.max])];
  return principals.flatMap((principal) => termsInPeriods.map((term) => ({ principal, term, apr: aprFor(terms, principal, term) })));
}

/**
 * Returns only when every corner has an APR (else 422 FEES_EXCEED_PRINCIPAL or APR_NOT_COMPUTABLE,
 * cap or not) at or under the product's cap, if it has one; else 422 APR_CAP_EXCEEDED naming the
 * corner with the highest APR, its APR and the cap.
 */
export function assertCornersWithinCap(terms: ProductTerms): void {
  const corners = aprAtCorners(terms);
  const cap = terms.aprCap;
  if (cap === null) return;
  const over = corners.filter((corner) => new Dec(corner.apr).gt(cap));
  if (over.length === 0) return;
  const worst = over.reduce((a, b) => (new Dec(b.apr).gt(a.apr) ? b : a));
  throw new DomainError(
    'APR_CAP_EXCEEDED',
    `APR ${worst.apr} % (${APR_METHOD}) at principal ${worst.principal} over ${worst.term} periods exceeds the product's cap of ${cap} %`,
    'rule',
    { apr: worst.apr, cap, aprMethod: APR_METHOD, principal: worst.principal, term: worst.term, corners: over },
  );
}
