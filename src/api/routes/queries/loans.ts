import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closedThrough, loanSummaryDoc, toLoanSummaryView } from '../../../app/queries/loan-summary-view.js';
import { loanOwnDate } from '../../../app/queries/loan-own-date.js';
import { currentLoanState, quotePayoff } from '../../../app/queries/loan-time-travel.js';
import { loanSummaryRevision } from '../../../app/queries/loan-summary-revision.js';
import { scheduleView } from '../../../domain/loan/schedule-view.js';
import { owedOn } from '../../../domain/loan/penalties-owed-by.js';
import { summaryOwedOn } from '../../../app/queries/owed-today.js';
import { amountDueNow, mayHaveAmountDue } from '../../../app/queries/amount-due-now.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import { assertOwnership } from '../../auth/authorize.js';
import type { ApiPlugin } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { loanSummaryResponse, payoffResponse, scheduleResponse } from '../../schemas/loan-views.js';
import { ifNoneMatchHits, loanSummaryTag } from './entity-tags.js';
import { businessDate, guard, idParams, today } from './query-schemas.js';
import { awaitPosition, awaitProjections, checkMinPosition, minPositionParam } from './read-your-writes.js';
import { processReplayMemo } from '../../../commands/bounded-replay-memo.js';

const readModelQuery = z.object({ minPosition: minPositionParam }).strict();
const summaryHeaders = z.object({
  'if-none-match': z.string().optional().meta({ description: 'The ETag of a summary already held, such as "7@2026-03-31": 304 while it is still current' }),
}).loose();

/** GET /v1/loans/:id (summary, with an ETag and If-None-Match) from the loan-summary model; /schedule (paid per row) and /payoff from the log. */
export const loanQueryRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  /** The loan's read-model document, 404 for an unknown loan or another borrower's. */
  const ownedSummary = async (loanId: string, actor: ReturnType<typeof authenticatedActor>) => {
    const doc = await loanSummaryDoc(deps.readStore, loanId);
    assertOwnership(actor, doc?.customerId);
    if (!doc) throw notFound(`no loan ${loanId}`);
    return doc;
  };

  app.get('/v1/loans/:id', {
    preValidation: guard('loans.get'),
    schema: {
      tags: ['loans'],
      summary: 'Loan summary: status, outstanding per component, next due, amount due now, days past due, classification',
      description: 'Carries an ETag naming the loan stream\'s revision (and the last closed business date the figures are aged to): '
        + 'send it back as If-None-Match to get 304 while nothing changed, or as If-Match on the loan\'s commands. '
        + 'While the read model is behind the loan\'s latest event the summary waits for it, as ?minPosition= does (503 PROJECTION_BEHIND after 5 s): '
        + 'its owed figures and amount due come from the log, and one answer shows one moment. No ETag should another event land meanwhile. '
        + 'Always Cache-Control: no-store (a borrower\'s personal financial data: no browser or shared cache keeps it): '
        + 'a client revalidates with the tag of the copy it kept itself.',
      params: idParams,
      querystring: readModelQuery,
      headers: summaryHeaders,
      response: { 200: loanSummaryResponse, 304: z.null().meta({ description: 'Not modified: the summary is still the one the If-None-Match tag names' }) },
    },
  }, async (request, reply) => {
    const actor = authenticatedActor(request);
    await awaitProjections(deps, ['loan-summary'], request.query.minPosition);
    // Before the document, so the document is at least as new as the revision (loan-summary-revision.ts).
    // One read of the stream's head: its revision names the summary (the ETag) and keys the owed figures.
    let revisions = await loanSummaryRevision(deps.eventStore, deps.readStore, request.params.id);
    if (revisions.summary === null && revisions.position !== null) {
      // The summary is behind the loan's latest event, while its owed figures and amount due are read from the
      // log: one answer would show two moments (qa16 D1: the status, next due and days past due from before a
      // payment, the amount due after it). Wait for it, as ?minPosition= waits, then read the head again.
      await awaitPosition(deps, ['loan-summary'], revisions.position);
      revisions = await loanSummaryRevision(deps.eventStore, deps.readStore, request.params.id);
    }
    const doc = await ownedSummary(request.params.id, actor);
    const closed = await closedThrough(deps.readStore);
    // What a payment today finds owed, penalties owed since a grace ended included (QA 10 R1). Such a
    // body depends on the business date as well, which the tag does not name: it goes out untagged.
    const businessDate = today(deps.clock.now(), deps.clock.timeZone);
    const owed = await summaryOwedOn(deps.eventStore, doc, businessDate, revisions.stream);
    // The amount due now depends on the business date too (a row falling due without a new event):
    // tagged only while nothing is due yet, when it is 0.00 whatever the date the tag was sent on.
    const amountDue = await amountDueNow(deps.eventStore, { loanId: doc.id, status: doc.status, currency: doc.currency, nextDue: owed.nextDue }, businessDate, revisions.stream);
    if (revisions.summary !== null && owed === doc && !mayHaveAmountDue(owed, businessDate)) {
      const tag = loanSummaryTag(revisions.summary, closed);
      reply.header('etag', tag);
      if (ifNoneMatchHits(request.headers['if-none-match'], tag)) return reply.status(304).send(null);
    }
    return { ...toLoanSummaryView(owed, closed), amountDue };
  });

  app.get('/v1/loans/:id/schedule', {
    preValidation: guard('loans.schedule'),
    schema: { tags: ['loans'], summary: 'Repayment schedule with what was paid on each row, from the loan as the log holds it', params: idParams, querystring: readModelQuery, response: { 200: scheduleResponse } },
  }, async (request) => {
    const state = await currentLoanState(deps.eventStore, request.params.id);
    assertOwnership(authenticatedActor(request), state?.customerId);
    if (!state) throw notFound(`no loan ${request.params.id}`);
    // Rows are aged to the date the summary ages days past due to: the last closed business date,
    // before the first close the loan's own date (qa18 D4); a written-off loan's to its write-off, so a
    // row a reversal reopened after it (no close marks it) reads overdue beside the others (qa19 Q5).
    const agedTo = state.status === 'closed' ? null : state.status === 'written_off' ? state.writtenOff?.date ?? null
      : (await closedThrough(deps.readStore)) ?? await loanOwnDate(deps.eventStore, request.params.id);
    // Rows as a payment today finds them: penalties owed since a grace ended included (QA 10 R1).
    const owing = owedOn(state, today(deps.clock.now(), deps.clock.timeZone), processReplayMemo);
    return scheduleView(owing, agedTo);
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
