import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { preferencesSchema } from '../../../identity/preferences.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import type { ApiPlugin } from '../../deps.js';
import { guard } from '../queries/query-schemas.js';
import { identityContext } from './identity-context.js';

/** The caller's own settings: the web console's theme, density and language, kept server-side per subject. */
export const meRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { identity } = identityContext(deps);

  app.get('/v1/me/preferences', {
    preValidation: guard('me.preferences'),
    schema: { operationId: 'mePreferences', tags: ['me'], summary: 'My console preferences (defaults until set)', response: { 200: preferencesSchema } },
  }, async (request) => identity.preferences.get(authenticatedActor(request).sub));

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
