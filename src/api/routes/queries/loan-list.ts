import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findLoans, LOAN_SORTS } from '../../../app/lists/loan-list.js';
import { summaryOwedOn } from '../../../app/queries/owed-today.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import type { ApiPlugin } from '../../deps.js';
import { HttpError } from '../../http-error.js';
import { businessDate, entityId } from '../../schemas/common.js';
import { pageOf, pageQuery } from '../../schemas/list-page.js';
import { classification, loanStatus, loanSummaryResponse } from '../../schemas/loan-views.js';
import { guard, today } from './query-schemas.js';
import { awaitProjections } from './read-your-writes.js';

const dpd = z.coerce.number().int().min(0).max(100_000);

const loanListQuery = z.object({
  status: loanStatus.optional(),
  customerId: entityId.optional(),
  productId: entityId.optional(),
  classification: classification.optional(),
  dpdFrom: dpd.optional().meta({ description: 'Days past due at least' }),
  dpdTo: dpd.optional().meta({ description: 'Days past due at most' }),
  disbursedFrom: businessDate.optional().meta({ description: 'Disbursed on or after', example: '2026-01-01' }),
  disbursedTo: businessDate.optional().meta({ description: 'Disbursed on or before', example: '2026-12-31' }),
  sort: z.enum(LOAN_SORTS).default('id').meta({
    description: 'Order; a leading - is descending. id is application order (UUIDv7). Pages are a live keyset on (key, id): a loan whose key changes '
      + 'while paging (a payment moving nextDueDate) may be listed twice or missed; sort on id for one complete pass',
  }),
  ...pageQuery,
}).strict();

/** GET /v1/loans — loan summaries by status, customer, product, classification, days past due and disbursement date; a borrower sees only its own. */
export const loanListRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/v1/loans', {
    preValidation: guard('loans.list'),
    schema: {
      tags: ['loans'],
      summary: 'Loans with filters, sorting and cursor pagination (a borrower sees only its own)',
      querystring: loanListQuery,
      response: { 200: pageOf(loanSummaryResponse) },
    },
  }, async (request) => {
    const actor = authenticatedActor(request);
    const { minPosition, customerId, ...filter } = request.query;
    if (filter.dpdFrom !== undefined && filter.dpdTo !== undefined && filter.dpdFrom > filter.dpdTo) throw new HttpError(400, 'VALIDATION_FAILED', 'querystring: dpdFrom is greater than dpdTo');
    await awaitProjections(deps, ['loan-summary'], minPosition);
    // A borrower's list is always its own, whatever customerId it names.
    const owner = actor.role === 'borrower' ? actor.customerId : customerId;
    if (actor.role === 'borrower' && owner === undefined) return { items: [], nextCursor: null };
    // Each row as the loan's own summary shows it: what a payment today finds owed (QA 10 R1, QA 11 S9).
    const businessDate = today(deps.clock.now(), deps.clock.timeZone);
    return findLoans(deps.readStore, { ...filter, ...(owner !== undefined ? { customerId: owner } : {}) }, (doc) => summaryOwedOn(deps.eventStore, doc, businessDate));
  });
};
