import { APR_METHOD, assertAprWithinCap, computeApr, type AprMethod } from '../apr.js';
import { DomainError } from '../errors.js';
import type { ScheduleRow } from '../loan/events.js';
import { Money } from '../money.js';
import type { ProductTerms } from '../product/events.js';
import { originationFees } from '../product/fees.js';
import { withinProductRanges } from '../product/ranges.js';
import { generateSchedule } from '../schedule/generate.js';
import type { WorkingCalendar } from '../working-days/working-calendar.js';

export interface QuoteRequest {
  principal: string;
  term: number;
  /** When the money would be paid out; the schedule and the APR count from it. */
  startDate: string;
  firstRepaymentDate: string | null;
  /** Working days for the product's non-working-day rule; weekends only when absent. */
  calendar?: WorkingCalendar;
}

/** What a loan would cost before anyone applies: amounts are decimal strings in the product currency. */
export interface LoanQuote {
  productId: string;
  productVersion: number;
  currency: string;
  principal: string;
  term: number;
  startDate: string;
  rows: ScheduleRow[];
  /** Origination fees deducted from the cash paid out. */
  originationFees: { kind: string; amount: string }[];
  netDisbursed: string;
  totalInterest: string;
  /** Origination fees plus every installment's service fee. */
  totalFees: string;
  /** Every installment total: principal, interest and service fees. */
  totalRepayment: string;
  /** Percent, 2 decimals, by `aprMethod`. */
  apr: string;
  aprMethod: AprMethod;
}

export interface QuotedProduct {
  productId: string;
  version: number;
  terms: ProductTerms;
  retired: boolean;
}

/**
 * The schedule, totals and APR a loan on the product's current terms would have — the same
 * generator, fees and APR the disbursement uses, so the quote is what the borrower would get.
 * 422 on PRODUCT_RETIRED, AMOUNT_OUT_OF_RANGE, TERM_OUT_OF_RANGE, FIRST_REPAYMENT_OUT_OF_RANGE,
 * FEES_EXCEED_PRINCIPAL or APR_CAP_EXCEEDED (a loan that could never be disbursed).
 */
export function quoteLoan(product: QuotedProduct, request: QuoteRequest): LoanQuote {
  const { terms } = product;
  if (product.retired) throw new DomainError('PRODUCT_RETIRED', `Product ${product.productId} is retired`, 'rule');
  const principal = withinProductRanges(terms, request.principal, request.term);
  const rows = generateSchedule({
    principal: principal.toString(), annualRate: terms.annualRate, term: request.term, startDate: request.startDate,
    firstRepaymentDate: request.firstRepaymentDate, terms, ...(request.calendar ? { calendar: request.calendar } : {}),
  });
  const fees = originationFees(principal, terms);
  const sum = (amounts: string[]): Money => amounts.reduce((total, amount) => total.plus(Money.of(amount, terms.currency)), Money.zero(terms.currency));
  const upFront = sum(fees.map((fee) => fee.amount));
  const net = principal.minus(upFront);
  if (!net.isPositive()) throw new DomainError('FEES_EXCEED_PRINCIPAL', 'Fees leave nothing to disburse', 'rule');
  const apr = computeApr({ netDisbursed: net.toString(), startDate: request.startDate, rows, currency: terms.currency, frequency: terms.frequency, firstRepaymentDate: request.firstRepaymentDate });
  assertAprWithinCap(apr, terms.aprCap);
  return {
    productId: product.productId,
    productVersion: product.version,
    currency: terms.currency,
    principal: principal.toString(),
    term: request.term,
    startDate: request.startDate,
    rows,
    originationFees: fees,
    netDisbursed: net.toString(),
    totalInterest: sum(rows.map((row) => row.interest)).toString(),
    totalFees: upFront.plus(sum(rows.map((row) => row.fee))).toString(),
    totalRepayment: sum(rows.map((row) => row.total)).toString(),
    apr,
    aprMethod: APR_METHOD,
  };
}
