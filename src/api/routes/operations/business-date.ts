import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessDateAt, DEFAULT_TIME_ZONE } from '../../../app/business-date.js';
import { closedThrough } from '../../../app/queries/loan-summary-view.js';
import type { ApiPlugin } from '../../deps.js';
import { guard } from '../queries/query-schemas.js';
import { checkMinPosition, minPositionParam } from '../queries/read-your-writes.js';

const businessDateResponse = z.object({
  date: z.string().meta({ description: "Today's business date (YYYY-MM-DD) in the lender's time zone: nothing may be dated after it" }),
  timeZone: z.string().meta({ description: "The lender's IANA time zone (LENDCORE_TIMEZONE)" }),
  lastClosed: z.string().nullable().meta({ description: 'The last business date close of business completed (null before the first)' }),
}).meta({ id: 'BusinessDate' });

/** GET /v1/business-date — the lender's calendar as the server reckons it, for date pickers and operators. */
export const businessDateRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/v1/business-date', {
    preValidation: guard('operations.businessDate'),
    schema: {
      tags: ['operations'],
      summary: "Today's business date, the lender's time zone and the last date close of business completed",
      querystring: z.object({ minPosition: minPositionParam }).strict(),
      response: { 200: businessDateResponse },
    },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    return {
      date: businessDateAt(deps.clock.now(), deps.clock.timeZone),
      timeZone: deps.clock.timeZone ?? DEFAULT_TIME_ZONE,
      lastClosed: await closedThrough(deps.readStore),
    };
  });
};
