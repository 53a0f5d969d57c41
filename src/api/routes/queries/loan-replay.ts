import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loanHistory } from '../../../app/queries/loan-history.js';
import { readLoanStream } from '../../../app/queries/loan-stream.js';
import { loanStateAfter, loanStateAt } from '../../../app/queries/loan-time-travel.js';
import { closedThroughBy } from '../../../app/queries/loan-summary-view.js';
import { disclosureFor } from '../../../app/queries/pii-disclosure.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import { assertOwnership } from '../../auth/authorize.js';
import type { ApiPlugin } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { loanHistoryResponse, loanStateAtResponse } from '../../schemas/loan-views.js';
import { asOfNotAfterToday, guard, idParams, instant, today } from './query-schemas.js';
import { checkMinPosition, minPositionParam } from './read-your-writes.js';

/** Replay for compliance: GET /v1/loans/:id/history (every event, PII per the caller's rights) and /state?asOf= (time travel). */
export const loanReplayRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/v1/loans/:id/history', {
    preValidation: guard('loans.history'),
    schema: {
      tags: ['loans'],
      summary: "Every event of the loan in order with actor and business time; the borrower's PII in clear for compliance, admin and the borrower, masked for other staff",
      description: 'Read from the event log itself, so always current: minPosition is accepted and needs no wait.',
      params: idParams,
      querystring: z.object({ minPosition: minPositionParam }).strict(),
      response: { 200: loanHistoryResponse },
    },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    const actor = authenticatedActor(request);
    const stream = await readLoanStream(deps.eventStore, request.params.id);
    assertOwnership(actor, stream?.customerId);
    if (!stream) throw notFound(`no loan ${request.params.id}`);
    return loanHistory(deps.eventStore, deps.vault, request.params.id, stream, disclosureFor(actor));
  });

  app.get('/v1/loans/:id/state', {
    preValidation: guard('loans.state'),
    schema: {
      tags: ['loans'],
      summary: 'The loan as it stood at the end of the business date of asOf (its facts dated by then, back-dated ones included), or just after its event at revision',
      params: idParams,
      description: 'Exactly one of asOf and revision. revision gives a state the loan really was in (its first revision + 1 events, '
        + 'days past due aged as the loan view aged them when that revision was recorded: to the last close then, the loan\'s own or the book\'s), '
        + 'what a timeline steps through; asOf folds the events by the dates they speak for (effective dates, the dates closes judged), back-dated ones included, '
        + 'and judges that date as its close does, so a loan keyed in late reads as one closed nightly. '
        + 'Read from the event log itself: minPosition is accepted and needs no wait.',
      querystring: z.object({ asOf: instant.optional(), revision: z.string().regex(/^\d{1,18}$/, 'expected a revision (whole number)').optional(), minPosition: minPositionParam })
        .strict()
        .refine((q) => (q.asOf === undefined) !== (q.revision === undefined), 'give exactly one of asOf and revision'),
      response: { 200: loanStateAtResponse },
    },
  }, async (request) => {
    const { asOf, revision, minPosition } = request.query;
    if (asOf !== undefined) asOfNotAfterToday(today(new Date(asOf), deps.clock.timeZone), 'asOf', deps.clock.now(), deps.clock.timeZone);
    await checkMinPosition(deps, minPosition);
    const state = revision !== undefined
      ? await loanStateAfter(deps.eventStore, request.params.id, BigInt(revision), deps.clock.timeZone, (instant) => closedThroughBy(deps.readStore, instant))
      : await loanStateAt(deps.eventStore, request.params.id, asOf!, deps.clock.timeZone);
    if (!state) throw notFound(revision !== undefined ? `loan ${request.params.id} has no event at revision ${revision}` : `loan ${request.params.id} did not exist at ${asOf!}`);
    return state;
  });
};
