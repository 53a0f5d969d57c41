import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidRefreshToken } from '../../../identity/auth-error.js';
import { enrolTotp } from '../../../identity/enrol-totp.js';
import { login } from '../../../identity/login.js';
import { refreshSession } from '../../../identity/refresh-session.js';
import { registerBorrower } from '../../../identity/register-borrower.js';
import { endSession } from '../../../identity/revoke-sessions.js';
import { verifyBorrower } from '../../../identity/verify-borrower.js';
import type { ApiPlugin } from '../../deps.js';
import { authRateLimit } from '../../rate-limit.js';
import { enrolmentBody, enrolmentRequired, loginBody, refreshBody, registrationBody, sessionTokens, verificationBody } from '../../schemas/identity.js';
import { identityContext } from './identity-context.js';
import { clearRefreshCookie, presentedRefreshToken, setRefreshCookie } from './refresh-cookie.js';

const problems = (codes: string) => `Problems: ${codes}`;

/**
 * The way in, no token needed: borrower registration and verification, login (staff with TOTP),
 * first-login TOTP enrolment, refresh-token rotation and logout. Every answer carrying tokens
 * also sets the refresh token as an httpOnly cookie.
 */
export const authRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = identityContext(deps);

  app.post('/v1/auth/register', {
    config: { rateLimit: authRateLimit() },
    schema: {
      operationId: 'authRegister', tags: ['auth'], summary: 'Start a borrower account; a 6-digit code goes to the phone or e-mail',
      description: problems('400 VALIDATION_FAILED, 422 WEAK_PASSWORD, 429. The answer is the same whether or not the login was taken.'),
      body: registrationBody,
      response: { 202: z.object({ status: z.literal('code-sent'), channel: z.enum(['sms', 'email']) }) },
    },
  }, async (request, reply) => {
    reply.status(202);
    return registerBorrower(ctx, request.body, request.ip);
  });

  app.post('/v1/auth/verify', {
    config: { rateLimit: authRateLimit() },
    schema: {
      operationId: 'authVerify', tags: ['auth'], summary: 'Activate a borrower account with its code and its password; registers its customer',
      description: problems('400 VALIDATION_FAILED or PHONE_REQUIRED, 422 INVALID_CODE or REGISTRATION_PASSWORD_MISMATCH (the login was registered again since: register again).'),
      body: verificationBody,
      response: { 201: z.object({ userId: z.string(), customerId: z.string() }) },
    },
  }, async (request, reply) => {
    reply.status(201);
    return verifyBorrower(ctx, request.body, request.id, request.ip);
  });

  app.post('/v1/auth/login', {
    config: { rateLimit: authRateLimit() },
    schema: {
      operationId: 'authLogin', tags: ['auth'], summary: 'Log in: a 15-minute access token and a rotating refresh token (staff: with a TOTP code)',
      description: problems('401 INVALID_CREDENTIALS (unknown login, wrong password or locked: one answer), 401 TOTP_REQUIRED, 429.'),
      body: loginBody,
      response: { 200: z.union([sessionTokens, enrolmentRequired]) },
    },
  }, async (request, reply) => {
    const answer = await login(ctx, request.body, request.ip);
    if ('refreshToken' in answer) setRefreshCookie(reply, answer.refreshToken);
    return answer;
  });

  app.post('/v1/auth/totp/enrol', {
    config: { rateLimit: authRateLimit() },
    schema: {
      operationId: 'authEnrolTotp', tags: ['auth'], summary: 'Staff first login: confirm the authenticator (and set the password); answers tokens and recovery codes',
      description: problems('401 INVALID_CODE, 422 PASSWORD_CHANGE_REQUIRED or WEAK_PASSWORD.'),
      body: enrolmentBody,
      response: { 200: sessionTokens.extend({ recoveryCodes: z.array(z.string()) }) },
    },
  }, async (request, reply) => {
    const answer = await enrolTotp(ctx, request.body, request.ip);
    setRefreshCookie(reply, answer.refreshToken);
    return answer;
  });

  app.post('/v1/auth/refresh', {
    config: { rateLimit: authRateLimit() },
    schema: {
      operationId: 'authRefresh', tags: ['auth'], summary: 'Exchange the refresh token (body or cookie) for new tokens; a reused one revokes the session',
      description: problems('401 INVALID_REFRESH_TOKEN.'),
      body: refreshBody,
      response: { 200: sessionTokens },
    },
  }, async (request, reply) => {
    const token = presentedRefreshToken(request, request.body?.refreshToken);
    if (token === null) throw invalidRefreshToken();
    const answer = await refreshSession(ctx, token, request.ip);
    setRefreshCookie(reply, answer.refreshToken);
    return answer;
  });

  app.post('/v1/auth/logout', {
    config: { rateLimit: authRateLimit() },
    schema: {
      operationId: 'authLogout', tags: ['auth'], summary: 'End the session of the bearer token or of the refresh token (body or cookie); idempotent',
      body: refreshBody,
      response: { 204: z.null().meta({ description: 'Logged out (or nothing to end)' }) },
    },
  }, async (request, reply) => {
    const token = presentedRefreshToken(request, request.body?.refreshToken);
    const sessionId = request.sessionId ?? (token === null ? null : deps.identity?.sessions.sessionOfRefresh(token)?.sessionId ?? null);
    if (sessionId !== null) endSession(ctx, sessionId, request.actor?.sub ?? 'refresh-token holder', request.ip);
    clearRefreshCookie(reply);
    return reply.status(204).send(null);
  });
};
