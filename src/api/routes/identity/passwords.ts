import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword, requestPasswordReset, resetPassword } from '../../../identity/passwords-change.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import type { ApiPlugin } from '../../deps.js';
import { authRateLimit } from '../../rate-limit.js';
import { passwordChangeBody, resetBody, resetRequestBody } from '../../schemas/identity.js';
import { guard } from '../queries/query-schemas.js';
import { identityContext } from './identity-context.js';

const done = z.null().meta({ description: 'Done' });

/** Passwords: change one's own (signed in), or reset a borrower's with a one-time code. */
export const passwordRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = identityContext(deps);

  app.post('/v1/auth/password', {
    preValidation: guard('auth.changePassword'),
    config: { rateLimit: authRateLimit() },
    schema: {
      operationId: 'authChangePassword', tags: ['auth'], summary: 'Change my password; my other sessions end',
      description: 'Problems: 401 INVALID_CREDENTIALS (current password wrong), 404 USER_NOT_FOUND (a token without an account), 422 WEAK_PASSWORD.',
      body: passwordChangeBody, response: { 204: done },
    },
  }, async (request, reply) => {
    await changePassword(ctx, authenticatedActor(request).sub, request.sessionId, request.body, request.ip);
    return reply.status(204).send(null);
  });

  app.post('/v1/auth/password-reset/request', {
    config: { rateLimit: authRateLimit() },
    schema: {
      operationId: 'authRequestPasswordReset', tags: ['auth'], summary: 'Send a borrower a reset code (same answer whether or not the login exists)',
      body: resetRequestBody, response: { 202: z.object({ status: z.literal('code-sent-if-account-exists') }) },
    },
  }, async (request, reply) => {
    requestPasswordReset(ctx, request.body.login, request.ip);
    reply.status(202);
    return { status: 'code-sent-if-account-exists' as const };
  });

  app.post('/v1/auth/password-reset', {
    config: { rateLimit: authRateLimit() },
    schema: {
      operationId: 'authResetPassword', tags: ['auth'], summary: 'Set a new password with the reset code; every session ends and a lockout lifts',
      description: 'Problems: 422 INVALID_CODE or WEAK_PASSWORD.', body: resetBody, response: { 204: done },
    },
  }, async (request, reply) => {
    await resetPassword(ctx, request.body, request.ip);
    return reply.status(204).send(null);
  });
};
