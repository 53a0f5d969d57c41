import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/actor.js';
import type { Clock } from '../deps.js';
import { HttpError, unauthenticated } from '../http-error.js';
import { VerifiedTokens } from './verified-tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, or null; routes read it through `authenticatedActor`. */
    actor: Actor | null;
    /** Why a presented token was refused, kept so that public routes still answer. */
    authError: HttpError | null;
  }
}

/**
 * Reads the bearer token on every request. A missing or bad token does not fail the request
 * here: public routes (health, docs) ignore it, and `requireRole`/`authorize` turn it into 401.
 */
export function installAuthentication(app: FastifyInstance, secret: Uint8Array, clock: Clock): void {
  const tokens = new VerifiedTokens(secret);
  app.decorateRequest('actor', null);
  app.decorateRequest('authError', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header === undefined) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      request.authError = unauthenticated('the Authorization header must be "Bearer <token>"');
      return;
    }
    try {
      request.actor = await tokens.verify(match[1], clock.now());
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      request.authError = error;
    }
  });
}

/** The caller's actor; throws 401 when no valid token came with the request. */
export function authenticatedActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw request.authError ?? unauthenticated();
}
