import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readLoanStream } from '../../../app/queries/loan-stream.js';
import { loanTransactions, servicingNow } from '../../../app/queries/loan-transactions.js';
import { byValueDate, compareValueDate } from '../../../app/queries/value-date-order.js';
import { loadAggregate } from '../../../commands/load-aggregate.js';
import { processLoanDecider } from '../../../app/loans/loan-decider.js';
import { LOAN_SNAPSHOT, loanStream } from '../../../app/streams.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import { assertOwnership } from '../../auth/authorize.js';
import type { ApiPlugin } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { pageOf, pageQuery } from '../../schemas/list-page.js';
import { loanTransaction } from '../../schemas/loan-transactions.js';
import { guard, idParams, today } from './query-schemas.js';
import { checkMinPosition } from './read-your-writes.js';
import { decodeValueDateCursor, encodeValueDateCursor } from './value-date-cursor.js';

/** GET /v1/loans/:id/transactions — every money movement from the loan's own stream, by value date then recording order. */
export const loanTransactionRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/v1/loans/:id/transactions', {
    preValidation: guard('loans.transactions'),
    schema: {
      tags: ['loans'],
      summary: 'Money movements: disbursement, repayments with their allocation, waivers, penalties, refunds, recoveries, write-off; by value date, then recording order',
      description: 'Read from the event log itself, so always current: minPosition is accepted and needs no wait. Ordered by `date` (the value date), then `revision`: a penalty or payment back-dated by a later record stands among the days it took effect on; the cursor is a keyset on that order.',
      params: idParams,
      querystring: z.object(pageQuery).strict(),
      response: { 200: pageOf(loanTransaction) },
    },
  }, async (request) => {
    const { limit, cursor, minPosition } = request.query;
    await checkMinPosition(deps, minPosition);
    const after = cursor === undefined ? null : decodeValueDateCursor(cursor);
    const stream = await readLoanStream(deps.eventStore, request.params.id);
    assertOwnership(authenticatedActor(request), stream?.customerId);
    if (!stream) throw notFound(`no loan ${request.params.id}`);
    // The loan as of these very events, from its snapshot: spares folding every repayment again (QA 10 R9).
    const loaded = await loadAggregate(deps.eventStore, loanStream(request.params.id), processLoanDecider, { snapshot: LOAN_SNAPSHOT });
    // Splits as a payment on the business date finds the loan: with the penalties owed by then, closed or not (QA 10 R1 repro E).
    const businessDay = today(deps.clock.now(), deps.clock.timeZone);
    const current = servicingNow(stream.events, loaded.revision === stream.events.at(-1)?.revision ? loaded.state : undefined, businessDay);
    const rest = byValueDate(loanTransactions(stream, current)).filter((tx) => after === null || compareValueDate(tx, after) > 0);
    const items = rest.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rest.length > limit && last ? encodeValueDateCursor(last) : null };
  });
};
