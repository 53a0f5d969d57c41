import { DomainError } from '../../domain/errors.js';
import { quoteLoan, type LoanQuote } from '../../domain/quote/quote-loan.js';
import { businessToday, type AppServices } from '../services.js';
import { loadProduct } from '../streams.js';
import { lenderWorkingCalendar } from '../working-days/lender-calendar.js';

export interface QuoteInput {
  productId: string;
  principal: string;
  term: number;
  /** Defaults to today's business date. */
  expectedDisbursementDate?: string;
  firstRepaymentDate?: string;
}

/**
 * A quote on the product's current version as the log holds it (what an application made now
 * would get). Reads only: nothing is appended. 422 PRODUCT_NOT_FOUND for an unknown product,
 * plus the rule codes of `quoteLoan`.
 */
export async function quoteLoanFor(services: AppServices, input: QuoteInput): Promise<LoanQuote> {
  const product = await loadProduct(services.eventStore, input.productId);
  if (!product.exists || product.terms === null) {
    throw new DomainError('PRODUCT_NOT_FOUND', `No product ${input.productId}`, 'rule', { productId: input.productId });
  }
  const calendar = (product.terms.nonWorkingDayRule ?? 'keep') === 'keep' ? undefined : await lenderWorkingCalendar(services.eventStore);
  return quoteLoan(
    { productId: input.productId, version: product.version, terms: product.terms, retired: product.retired },
    {
      principal: input.principal,
      term: input.term,
      startDate: input.expectedDisbursementDate ?? businessToday(services),
      firstRepaymentDate: input.firstRepaymentDate ?? null,
      ...(calendar ? { calendar } : {}),
    },
  );
}
