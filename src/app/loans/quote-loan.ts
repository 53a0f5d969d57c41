import { DomainError } from '../../domain/errors.js';
import type { ProductTerms } from '../../domain/product/events.js';
import { validateProductTerms } from '../../domain/product/terms.js';
import { quoteLoan as quoteOn, type QuotedProduct } from '../../domain/quote/quote-loan.js';
import type { LoanQuote } from '../../domain/quote/quote-loan.js';
import { businessToday, type AppServices } from '../services.js';
import { loadProduct } from '../streams.js';
import { lenderWorkingCalendar } from '../working-days/lender-calendar.js';

export interface QuoteInput {
  /** A product's current version; or `terms`, draft terms previewed before they are defined (exactly one). */
  productId?: string;
  terms?: ProductTerms;
  principal: string;
  term: number;
  /** Defaults to today's business date. */
  expectedDisbursementDate?: string;
  firstRepaymentDate?: string;
}

/**
 * The product a quote is made on: the current version from the log, or the draft terms as given
 * (version 0, id "draft"), held to the rules a definition of them would be (amounts 400, ranges 422).
 */
export async function quotedProduct(services: AppServices, input: QuoteInput): Promise<QuotedProduct> {
  if (input.terms !== undefined) {
    validateProductTerms(input.terms);
    return { productId: 'draft', version: 0, terms: input.terms, retired: false };
  }
  const productId = input.productId ?? '';
  const product = await loadProduct(services.eventStore, productId);
  if (!product.exists || product.terms === null) {
    throw new DomainError('PRODUCT_NOT_FOUND', `No product ${productId}`, 'rule', { productId });
  }
  return { productId, version: product.version, terms: product.terms, retired: product.retired };
}

/** A quote on an already loaded product (its non-working-day rule's calendar read when it needs one). */
export async function quoteOnProduct(services: AppServices, product: QuotedProduct, input: Omit<QuoteInput, 'productId' | 'terms'>): Promise<LoanQuote> {
  const calendar = (product.terms.nonWorkingDayRule ?? 'keep') === 'keep' ? undefined : await lenderWorkingCalendar(services.eventStore);
  return quoteOn(product, {
    principal: input.principal,
    term: input.term,
    startDate: input.expectedDisbursementDate ?? businessToday(services),
    firstRepaymentDate: input.firstRepaymentDate ?? null,
    ...(calendar ? { calendar } : {}),
  });
}

/**
 * A quote on the product's current version as the log holds it (what an application made now
 * would get), or on draft terms (the products page's preview). Reads only: nothing is appended.
 * 422 PRODUCT_NOT_FOUND for an unknown product, plus the rule codes of `quoteLoan`.
 */
export async function quoteLoanFor(services: AppServices, input: QuoteInput): Promise<LoanQuote> {
  return quoteOnProduct(services, await quotedProduct(services, input), input);
}
