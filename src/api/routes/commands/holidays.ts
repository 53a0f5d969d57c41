import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { businessToday } from '../../../app/services.js';
import { holidaysOf } from '../../../app/working-days/holiday-list.js';
import { changeLenderHolidays } from '../../../app/working-days/lender-calendar.js';
import type { ApiPlugin } from '../../deps.js';
import { holidayBody, holidayDeletionBody, holidayParams, holidaysQuery, holidaysResponse } from '../../schemas/holidays.js';
import { guard } from '../queries/query-schemas.js';
import { checkMinPosition } from '../queries/read-your-writes.js';
import { admit, checkRoleBeforeValidation } from './access.js';
import { commandMeta, sendOutcome } from './command-request.js';
import { commandSchema } from './route-schema.js';

/** GET /v1/holidays (anyone signed in); POST and DELETE /v1/holidays[/:date] (admin): the lender's own holidays. */
export const holidayRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  checkRoleBeforeValidation(scope);

  app.get('/v1/holidays', {
    preValidation: guard('holidays.list'),
    schema: {
      tags: ['holidays'],
      summary: 'Holidays of a year (mainland China calendar and the lender\'s own) and the weekends worked in lieu',
      description: 'Read from the event log itself, so always current: minPosition is accepted and needs no wait.',
      querystring: holidaysQuery,
      response: { 200: holidaysResponse },
    },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    return holidaysOf(deps.eventStore, request.query.year ?? businessToday(deps).slice(0, 4));
  });

  app.post('/v1/holidays', {
    config: { policy: 'holidays.add' },
    schema: commandSchema('holidays', 'Add a lender holiday (admin); due dates of schedules made afterwards move off it per product. 409 HOLIDAY_EXISTS', { body: holidayBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'holidays.add', deps.eventStore);
    return sendOutcome(reply, await changeLenderHolidays(deps, commandMeta(request, actor, 'holidays.add'), { type: 'AddLenderHoliday', data: request.body }));
  });

  app.delete('/v1/holidays/:date', {
    config: { policy: 'holidays.remove' },
    schema: commandSchema('holidays', 'Remove a lender holiday (admin). 404 HOLIDAY_NOT_FOUND', { params: holidayParams, body: holidayDeletionBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'holidays.remove', deps.eventStore);
    return sendOutcome(reply, await changeLenderHolidays(deps, commandMeta(request, actor, 'holidays.remove'), { type: 'RemoveLenderHoliday', data: { date: request.params.date } }));
  });
};
