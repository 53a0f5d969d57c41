import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooManyRequests } from './http-error.js';

/** The way in (`/v1/auth/*`) is limited per client address, far below the general limit: it is where guessing happens. */
export const AUTH_REQUESTS_PER_MINUTE = 20;
const WINDOW_MS = 60_000;

/** Per authenticated subject, else per client address (the auth hook has run: it is registered first). */
const subjectOf = (request: FastifyRequest): string => (request.actor ? `sub:${request.actor.sub}` : `ip:${request.ip}`);

/**
 * @fastify/rate-limit over every route, `perMinute` requests per subject per minute (0 turns it
 * all off), answering with the standard `RateLimit-*` headers (draft IETF spec) and 429
 * problem+json with Retry-After. Routes opt out with `config: { rateLimit: false }` (probes) or
 * tighten it with `authRateLimit()` (the auth routes). Counters live in this process.
 */
export async function installRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: WINDOW_MS,
    hook: 'onRequest',
    keyGenerator: subjectOf,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => tooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}

/** Route config for `/v1/auth/*`: AUTH_REQUESTS_PER_MINUTE per client address, a separate bucket from the general one. */
export function authRateLimit() {
  return { max: AUTH_REQUESTS_PER_MINUTE, timeWindow: WINDOW_MS, groupId: 'auth', keyGenerator: (request: FastifyRequest) => `ip:${request.ip}` };
}
