import type { Actor } from '../../domain/actor.js';
import { verifyTokenUntil } from './token.js';

interface Verified {
  actor: Actor;
  verifiedAtMs: number;
  expiresAtMs: number;
}

/** Distinct tokens remembered; past it the memory starts over (clients re-verify once). */
const MAX_TOKENS = 10_000;

/**
 * Remembers tokens whose signature and claims verified, until they expire: a client sends the
 * same token with every request, and verifying an HS256 JWT (key import, HMAC, claims) costs more
 * than the rest of a cheap request. Keyed by the whole token, signature included, so only bytes
 * that verified are ever trusted; a clock moved back before the verification verifies again.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, Verified>();

  constructor(private readonly secret: Uint8Array) {}

  /** The actor a valid token names; throws the 401 HttpError of verifyToken otherwise. */
  async verify(token: string, now: Date): Promise<Actor> {
    const at = now.getTime();
    const known = this.tokens.get(token);
    if (known !== undefined && at >= known.verifiedAtMs && at < known.expiresAtMs) return known.actor;
    const { actor, expiresAtMs } = await verifyTokenUntil(token, this.secret, now);
    if (this.tokens.size >= MAX_TOKENS) this.tokens.clear();
    this.tokens.set(token, { actor, verifiedAtMs: at, expiresAtMs });
    return actor;
  }
}
