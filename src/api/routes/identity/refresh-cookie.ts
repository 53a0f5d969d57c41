import type { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'lendcore_refresh';
/** Sent only to the refresh and logout calls, never to the rest of the API. */
const COOKIE_PATH = '/v1/auth';
const REFRESH_COOKIE_MAX_AGE_S = 30 * 86_400;

/** Sets the refresh token as an httpOnly, Secure, SameSite=Strict cookie, out of reach of page scripts. */
export function setRefreshCookie(reply: FastifyReply, token: string): void {
  reply.header('set-cookie', `${REFRESH_COOKIE}=${token}; Path=${COOKIE_PATH}; Max-Age=${REFRESH_COOKIE_MAX_AGE_S}; HttpOnly; Secure; SameSite=Strict`);
}

export function clearRefreshCookie(reply: FastifyReply): void {
  reply.header('set-cookie', `${REFRESH_COOKIE}=; Path=${COOKIE_PATH}; Max-Age=0; HttpOnly; Secure; SameSite=Strict`);
}

/** The refresh token from the body (API clients) or the cookie (browsers); null when neither has one. */
export function presentedRefreshToken(request: FastifyRequest, fromBody: string | undefined): string | null {
  if (fromBody !== undefined) return fromBody;
  const header = request.headers.cookie;
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE && value.length > 0 && value.join('=') !== '') return value.join('=');
  }
  return null;
}
