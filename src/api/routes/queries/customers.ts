import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerAccountView } from '../../../app/queries/customer-account-view.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import { assertOwnership } from '../../auth/authorize.js';
import type { ApiPlugin } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { customerAccountResponse } from '../../schemas/oversight-views.js';
import { guard, idParams, today } from './query-schemas.js';
import { awaitProjections, minPositionParam } from './read-your-writes.js';

/** GET /v1/customers/:id — the account centre: masked profile, KYC, every loan with balance and next due, totals. */
export const customerQueryRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/v1/customers/:id', {
    preValidation: guard('customers.get'),
    schema: {
      tags: ['customers'],
      summary: 'Account centre: masked profile, KYC status, loans with balance and next due, per-currency totals',
      params: idParams,
      querystring: z.object({ minPosition: minPositionParam }).strict(),
      response: { 200: customerAccountResponse },
    },
  }, async (request) => {
    const actor = authenticatedActor(request);
    assertOwnership(actor, request.params.id);
    await awaitProjections(deps, ['customer-account'], request.query.minPosition);
    const businessDate = today(deps.clock.now(), deps.clock.timeZone);
    const view = await customerAccountView(deps.readStore, deps.vault, request.params.id, actor, { eventStore: deps.eventStore, businessDate });
    if (!view) throw notFound(`no customer ${request.params.id}`);
    return view;
  });
};
