import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SECURITY_EVENT_TYPES } from '../../../identity/security-events.js';
import type { ApiPlugin } from '../../deps.js';
import { guard } from '../queries/query-schemas.js';
import { checkMinPosition, minPositionParam } from '../queries/read-your-writes.js';
import { identityContext } from './identity-context.js';

const MAX_PAGE = 500;

/** GET /v1/security-events — logins, failures, lockouts, TOTP enrolments, role changes, revocations; newest first. */
export const securityEventRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { identity } = identityContext(deps);

  app.get('/v1/security-events', {
    preValidation: guard('security.events'),
    schema: {
      operationId: 'securityEventsList', tags: ['audit'], summary: 'Security events of the identity store (compliance, admin); filter by user and type, page with nextCursor',
      description: 'The identity store is not fed by the event log: minPosition is accepted (400 beyond the head of the log) and needs no wait.',
      querystring: z.object({
        userId: z.string().min(1).max(100).optional(),
        type: z.enum(SECURITY_EVENT_TYPES).optional(),
        limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
        cursor: z.string().regex(/^\d{1,15}$/, 'expected the nextCursor of a previous page').optional(),
        minPosition: minPositionParam,
      }).strict(),
      response: {
        200: z.object({
          items: z.array(z.object({
            id: z.number().int(), type: z.enum(SECURITY_EVENT_TYPES), userId: z.string().nullable(), actor: z.string().nullable(),
            address: z.string().nullable(), detail: z.string().nullable(), occurredAt: z.string(),
          })),
          nextCursor: z.string().nullable(),
        }),
      },
    },
  }, async (request) => {
    const { userId, type, limit, cursor, minPosition } = request.query;
    await checkMinPosition(deps, minPosition);
    const items = identity.securityLog.list({ limit, ...(userId ? { userId } : {}), ...(type ? { type } : {}), ...(cursor ? { beforeId: Number(cursor) } : {}) });
    const last = items.at(-1);
    return { items, nextCursor: items.length === limit && last ? String(last.id) : null };
  });
};
