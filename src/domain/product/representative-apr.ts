import { computeApr } from '../apr.js';
import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import { generateSchedule } from '../schedule/generate.js';
import type { ProductTerms } from './events.js';
import { originationFees } from './fees.js';

// A fixed date keeps the check deterministic; only the calendar shape of the year matters.
const REPRESENTATIVE_START = '2000-01-01';

/**
 * APR (percent, 2 decimals) of a loan of `principal` (decimal string) over `term` periods on the
 * product's terms, origination fees deducted from the cash paid out. 422 FEES_EXCEED_PRINCIPAL
 * when the fees leave nothing to pay out, APR_NOT_COMPUTABLE when no rate balances the flows.
 */
export function aprFor(terms: ProductTerms, principal: string, term: number): string {
  const amount = Money.parse(principal, terms.currency);
  const fees = originationFees(amount, terms).reduce((sum, fee) => sum.plus(fee.amount), new Dec(0));
  const net = amount.amount.minus(fees);
  if (net.lte(0)) {
    throw new DomainError('FEES_EXCEED_PRINCIPAL', `Fees of ${fees.toFixed()} leave nothing to pay out on a principal of ${principal}`, 'rule', { principal, term });
  }
  const rows = generateSchedule({ principal: amount.toString(), annualRate: terms.annualRate, term, startDate: REPRESENTATIVE_START, terms });
  return computeApr({
    netDisbursed: Money.of(net, terms.currency).toString(), startDate: REPRESENTATIVE_START, rows, currency: terms.currency, frequency: terms.frequency, firstRepaymentDate: null,
  });
}

/** APR of the product's representative loan: largest principal over the longest term, fees included. */
export function representativeApr(terms: ProductTerms): string {
  return aprFor(terms, terms.principal.max, terms.term.max);
}
