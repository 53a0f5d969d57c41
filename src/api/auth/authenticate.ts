import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/actor.js';
import type { Clock } from '../deps.js';
import { HttpError, unauthenticated } from '../http-error.js';
import type { OidcVerifier } from './oidc.js';
import { VerifiedTokens } from './verified-tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, or null; routes read it through `authenticatedActor`. */
    actor: Actor | null;
    /** Why a presented token was refused, kept so that public routes still answer. */
    authError: HttpError | null;
    /** The login session the token belongs to; null for locally minted tokens without `sid`. */
    sessionId: string | null;
  }
}

/** How tokens are checked: the HS256 key, the longest lifetime allowed, and the live-session test. */
export interface AuthenticationOptions {
  secret: Uint8Array;
  clock: Clock;
  maxTtlSeconds: number;
  /** With LENDCORE_OIDC_ISSUER: the external provider's verifier. */
  oidc?: OidcVerifier;
  /** Absent without an identity store; then a token carrying `sid` is refused (its session cannot be checked). */
  sessions?: { isActive(sessionId: string, now: Date): boolean };
}

/**
 * Reads the bearer token on every request: signature, expiry, lifetime within the maximum, and
 * (for tokens from a login) that the session was not revoked. A missing or bad token does not fail the request
 * here: public routes (health, docs) ignore it, and `requireRole`/`authorize` turn it into 401.
 */
export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  const { clock, sessions } = options;
  const tokens = new VerifiedTokens(options.secret, options.maxTtlSeconds, options.oidc);
  app.decorateRequest('actor', null);
  app.decorateRequest('authError', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header === undefined) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      request.authError = unauthenticated('the Authorization header must be "Bearer <token>"');
      return;
    }
    try {
      const now = clock.now();
      const { actor, sessionId } = await tokens.check(match[1], now);
      if (sessionId !== null && !sessions?.isActive(sessionId, now)) throw unauthenticated('the session of this token has ended; log in again');
      request.actor = actor;
      request.sessionId = sessionId;
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
