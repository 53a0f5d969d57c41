import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { quoteLoanFor } from '../../../app/loans/quote-loan.js';
import type { ApiPlugin } from '../../deps.js';
import { quoteBody, quoteResponse } from '../../schemas/loan-quote.js';
import { toProductTerms } from '../../schemas/products.js';
import { guard } from './query-schemas.js';

/** POST /v1/loans/quote: schedule, totals and APR before applying; borrowers and staff; records nothing. */
export const loanQuoteRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.post('/v1/loans/quote', {
    preValidation: guard('loans.quote'),
    schema: {
      tags: ['loans'],
      summary: 'Quote a loan before applying (on a product, or on draft terms for the products page\'s preview): schedule, total interest and fees, APR (irr-nominal); records nothing. 422 PRODUCT_NOT_FOUND, PRODUCT_RETIRED, AMOUNT_OUT_OF_RANGE, TERM_OUT_OF_RANGE, FIRST_REPAYMENT_OUT_OF_RANGE, FEES_EXCEED_PRINCIPAL, APR_CAP_EXCEEDED',
      body: quoteBody,
      response: { 200: quoteResponse },
    },
  }, async (request) => {
    const { terms, ...rest } = request.body;
    return quoteLoanFor(deps, { ...rest, ...(terms ? { terms: toProductTerms(terms) } : {}) });
  });
};
