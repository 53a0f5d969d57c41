import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agedTo, closedThrough, loanSummaryDoc, toLoanSummaryView } from '../../../app/queries/loan-summary-view.js';
import { latestDate } from '../../../domain/loan/figures.js';
import { currentLoanState, quotePayoff } from '../../../app/queries/loan-time-travel.js';
import { scheduleView } from '../../../domain/loan/schedule-view.js';
import { owedOn } from '../../../domain/loan/penalties-owed-by.js';
import { summaryOwedOn } from '../../../app/queries/owed-today.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import { assertOwnership } from '../../auth/authorize.js';
import type { ApiPlugin } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { loanSummaryResponse, payoffResponse, scheduleResponse } from '../../schemas/loan-views.js';
import { businessDate, guard, idParams, today } from './query-schemas.js';
import { awaitProjections, checkMinPosition, minPositionParam } from './read-your-writes.js';

const readModelQuery = z.object({ minPosition: minPositionParam }).strict();

/** GET /v1/loans/:id (summary) from the loan-summary model; /schedule (paid per row) and /payoff from the log. */
export const loanQueryRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  /** The loan's read-model document, 404 for an unknown loan or another borrower's. */
  const ownedSummary = async (loanId: string, actor: ReturnType<typeof authenticatedActor>, minPosition: string | undefined) => {
    await awaitProjections(deps, ['loan-summary'], minPosition);
    const doc = await loanSummaryDoc(deps.readStore, loanId);
    assertOwnership(actor, doc?.customerId);
    if (!doc) throw notFound(`no loan ${loanId}`);
    return doc;
  };

  app.get('/v1/loans/:id', {
    preValidation: guard('loans.get'),
    schema: { tags: ['loans'], summary: 'Loan summary: status, outstanding per component, next due, days past due, classification', params: idParams, querystring: readModelQuery,
      response: { 200: loanSummaryResponse } },
  }, async (request) => {
    const doc = await ownedSummary(request.params.id, authenticatedActor(request), request.query.minPosition);
    // What a payment today finds owed, penalties owed since a grace ended included (QA 10 R1).
    const owed = await summaryOwedOn(deps.eventStore, doc, today(deps.clock.now(), deps.clock.timeZone));
    return toLoanSummaryView(owed, await closedThrough(deps.readStore));
  });

  app.get('/v1/loans/:id/schedule', {
    preValidation: guard('loans.schedule'),
    schema: { tags: ['loans'], summary: 'Repayment schedule with what was paid on each row, from the loan as the log holds it', params: idParams, querystring: readModelQuery, response: { 200: scheduleResponse } },
  }, async (request) => {
    const state = await currentLoanState(deps.eventStore, request.params.id);
    assertOwnership(authenticatedActor(request), state?.customerId);
    if (!state) throw notFound(`no loan ${request.params.id}`);
    // Rows are aged to the date the summary ages days past due to.
    const ended = state.status === 'closed' || state.status === 'written_off';
    // Rows as a payment today finds them: penalties owed since a grace ended included (QA 10 R1).
    const owing = owedOn(state, today(deps.clock.now(), deps.clock.timeZone));
    return scheduleView(owing, ended ? null : agedTo(latestDate(state), await closedThrough(deps.readStore)));
  });

  app.get('/v1/loans/:id/payoff', {
    preValidation: guard('loans.payoff'),
    schema: {
      tags: ['loans'],
      summary: 'Payoff quote: the amount that closes the loan on the date (default today), from the loan as the log holds it',
      params: idParams,
      description: 'Read from the event log itself, so always current: minPosition is accepted and needs no wait.',
      querystring: z.object({ date: businessDate.optional(), minPosition: minPositionParam }).strict(),
      response: { 200: payoffResponse },
    },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    const state = await currentLoanState(deps.eventStore, request.params.id);
    assertOwnership(authenticatedActor(request), state?.customerId);
    if (!state) throw notFound(`no loan ${request.params.id}`);
    return { id: request.params.id, currency: state.currency, ...quotePayoff(state, request.query.date ?? today(deps.clock.now(), deps.clock.timeZone)) };
  });
};
