import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditSource } from '../../../app/queries/audit-query.js';
import type { ApiPlugin } from '../../deps.js';
import { pageOf } from '../../schemas/list-page.js';
import { auditEntryResponse } from '../../schemas/oversight-views.js';
import { normaliseSubject } from '../../auth/token.js';
import { HttpError } from '../../http-error.js';
import { guard, instant } from './query-schemas.js';
import { awaitProjections, checkMinPosition, minPositionParam } from './read-your-writes.js';

const MAX_PAGE = 500;

/** GET /v1/audit — every event's envelope (actor, times, correlation, hash), filtered and paged by cursor. */
export const auditRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const audit = auditSource(deps.eventStore, deps.readStore);

  app.get('/v1/audit', {
    preValidation: guard('audit.list'),
    schema: {
      tags: ['audit'],
      summary: 'Audit trail in recording order; filter by stream, actor (sub), event type and recording time; page with nextCursor',
      querystring: z.object({
        stream: z.string().min(1).max(200).optional(),
        // Subjects are stored in one spelling (normaliseSubject): `Ulf` finds what `ulf` did.
        actor: z.string().min(1).max(200).transform(normaliseSubject).pipe(z.string().min(1)).optional(),
        type: z.string().min(1).max(100).optional(),
        from: instant.optional(),
        to: instant.optional(),
        limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
        cursor: z.string().min(1).max(1_000).optional(),
        minPosition: minPositionParam,
      }).strict(),
      response: { 200: pageOf(auditEntryResponse) },
    },
  }, async (request) => {
    const { stream, actor, type, from, to, limit, cursor, minPosition } = request.query;
    if (from !== undefined && to !== undefined && from > to) throw new HttpError(400, 'INVALID_PERIOD', `from ${from} is after to ${to}`);
    // The log answers at its head: only a position beyond it is refused; a read model is waited for.
    if (audit.projection === null) await checkMinPosition(deps, minPosition);
    else await awaitProjections(deps, [audit.projection], minPosition);
    const page = await audit.find({
      limit, ...(stream ? { streamId: stream } : {}), ...(actor ? { actor } : {}), ...(type ? { type } : {}),
      ...(from ? { from } : {}), ...(to ? { to } : {}), ...(cursor ? { cursor } : {}),
    });
    return { items: page.items, nextCursor: page.nextCursor };
  });
};
