import { unauthenticated } from '../http-error.js';

/**
 * How far (seconds) a token's `iat` may lie ahead of this server's clock: the minting server's
 * clock (or the identity provider's) may run a little ahead of ours, never minutes.
 */
export const ISSUED_AT_SKEW_SECONDS = 60;

/**
 * Refuses (401) a token issued more than ISSUED_AT_SKEW_SECONDS after `now`. jose's jwtVerify
 * checks `iat` only when given `maxTokenAge`, and a token dated ahead would pass the lifetime cap
 * (exp − iat ≤ LENDCORE_TOKEN_MAX_TTL) while being valid for longer than the cap from now.
 * `iat` is in seconds since the epoch (a JWT NumericDate).
 */
export function assertIssuedInThePast(iat: number, now: Date): void {
  if (iat > now.getTime() / 1000 + ISSUED_AT_SKEW_SECONDS) {
    throw unauthenticated('the bearer token is issued in the future; check the clock of the server that issued it');
  }
}
