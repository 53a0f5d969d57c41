import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readLoanStream } from '../../../app/queries/loan-stream.js';
import { loanTransactions, servicingNow } from '../../../app/queries/loan-transactions.js';
import { loadAggregate } from '../../../commands/load-aggregate.js';
import { processLoanDecider } from '../../../app/loans/loan-decider.js';
import { LOAN_SNAPSHOT, loanStream } from '../../../app/streams.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import { assertOwnership } from '../../auth/authorize.js';
import type { ApiPlugin } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { pageOf, pageQuery } from '../../schemas/list-page.js';
import { loanTransaction } from '../../schemas/loan-transactions.js';
import { decodeRevisionCursor, encodeRevisionCursor } from './log-cursor.js';
import { guard, idParams, today } from './query-schemas.js';
import { checkMinPosition } from './read-your-writes.js';

/** GET /v1/loans/:id/transactions — every money movement from the loan's own stream, oldest first. */
export const loanTransactionRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/v1/loans/:id/transactions', {
    preValidation: guard('loans.transactions'),
    schema: {
      tags: ['loans'],
      summary: 'Money movements: disbursement, repayments with their allocation, waivers, penalties, refunds, recoveries, write-off; oldest first',
      description: 'Read from the event log itself, so always current: minPosition is accepted and needs no wait.',
      params: idParams,
      querystring: z.object(pageQuery).strict(),
      response: { 200: pageOf(loanTransaction) },
    },
  }, async (request) => {
    const { limit, cursor, minPosition } = request.query;
    await checkMinPosition(deps, minPosition);
    const after = cursor === undefined ? null : decodeRevisionCursor(cursor);
    const stream = await readLoanStream(deps.eventStore, request.params.id);
    assertOwnership(authenticatedActor(request), stream?.customerId);
    if (!stream) throw notFound(`no loan ${request.params.id}`);
    // The loan as of these very events, from its snapshot: spares folding every repayment again (QA 10 R9).
    const loaded = await loadAggregate(deps.eventStore, loanStream(request.params.id), processLoanDecider, { snapshot: LOAN_SNAPSHOT });
    // Splits as a payment on the business date finds the loan: with the penalties owed by then, closed or not (QA 10 R1 repro E).
    const businessDay = today(deps.clock.now(), deps.clock.timeZone);
    const current = servicingNow(stream.events, loaded.revision === stream.events.at(-1)?.revision ? loaded.state : undefined, businessDay);
    const rest = loanTransactions(stream, current).filter((tx) => after === null || BigInt(tx.revision) > after);
    const items = rest.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rest.length > limit && last ? encodeRevisionCursor(last.revision) : null };
  });
};
