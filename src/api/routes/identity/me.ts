import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { preferencesSchema } from '../../../identity/preferences.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import type { ApiPlugin } from '../../deps.js';
import { guard } from '../queries/query-schemas.js';
import { checkMinPosition, minPositionParam } from '../queries/read-your-writes.js';
import { identityContext } from './identity-context.js';

/** The caller's own settings: the web console's theme, density and language, kept server-side per subject. */
export const meRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { identity } = identityContext(deps);

  app.get('/v1/me/preferences', {
    preValidation: guard('me.preferences'),
    schema: {
      operationId: 'mePreferences', tags: ['me'], summary: 'My console preferences (defaults until set)',
      description: 'The identity store is not fed by the event log: minPosition is accepted (400 beyond the head of the log) and needs no wait.',
      querystring: z.object({ minPosition: minPositionParam }).strict(), response: { 200: preferencesSchema },
    },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    return identity.preferences.get(authenticatedActor(request).sub);
  });

  app.put('/v1/me/preferences', {
    preValidation: guard('me.setPreferences'),
    schema: {
      operationId: 'meSetPreferences', tags: ['me'], summary: 'Replace my console preferences',
      description: 'Problems: 400 VALIDATION_FAILED.', body: preferencesSchema, response: { 200: preferencesSchema },
    },
  }, async (request) => {
    identity.preferences.put(authenticatedActor(request).sub, request.body);
    return request.body;
  });
};
