import { Dec } from '../decimal.js';
import { Money } from '../money.js';
import type { FeeTerm, ProductTerms } from './events.js';

/** A fixed fee as is; a percent fee as that percentage of the principal, rounded per product. */
function feeAmount(fee: FeeTerm, principal: Money, terms: ProductTerms): Money {
  if (fee.type === 'fixed') return Money.of(fee.value, principal.currency, terms.roundingMode);
  return principal.times(new Dec(fee.value).dividedBy(100), terms.roundingMode);
}

/** Fees deducted from the cash paid out at disbursement, one entry per origination fee term. */
export function originationFees(principal: Money, terms: ProductTerms): { kind: string; amount: string }[] {
  return terms.fees
    .filter((fee) => fee.kind === 'origination')
    .map((fee) => ({ kind: fee.kind, amount: feeAmount(fee, principal, terms).toString() }));
}

/** Service fee charged on every installment (percent fees are a percentage of the loan principal per installment). */
export function serviceFeePerInstallment(principal: Money, terms: ProductTerms): Money {
  return terms.fees
    .filter((fee) => fee.kind === 'service')
    .reduce((sum, fee) => sum.plus(feeAmount(fee, principal, terms)), Money.zero(principal.currency));
}
