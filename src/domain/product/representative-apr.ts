import { computeApr } from '../apr.js';
import { Dec } from '../decimal.js';
import { Money } from '../money.js';
import { generateSchedule } from '../schedule/generate.js';
import type { ProductTerms } from './events.js';
import { originationFees } from './fees.js';

// A fixed date keeps the check deterministic; only the calendar shape of the year matters.
const REPRESENTATIVE_START = '2000-01-01';

/** APR of the product's representative loan: largest principal over the longest term, fees included. */
export function representativeApr(terms: ProductTerms): string {
  const principal = Money.parse(terms.principal.max, terms.currency);
  const fees = originationFees(principal, terms).reduce((sum, fee) => sum.plus(fee.amount), new Dec(0));
  const rows = generateSchedule({
    principal: principal.toString(),
    annualRate: terms.annualRate,
    term: terms.term.max,
    startDate: REPRESENTATIVE_START,
    terms,
  });
  const net = Money.of(principal.amount.minus(fees), terms.currency);
  return computeApr({ netDisbursed: net.toString(), startDate: REPRESENTATIVE_START, rows, currency: terms.currency, frequency: terms.frequency, firstRepaymentDate: null });
}
