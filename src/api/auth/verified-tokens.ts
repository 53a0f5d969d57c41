import type { Actor } from '../../domain/actor.js';
import { decodeProtectedHeader } from 'jose';
import type { OidcVerifier } from './oidc.js';
import { verifyTokenUntil, type VerifiedToken } from './token.js';

interface Verified extends VerifiedToken {
  verifiedAtMs: number;
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

  constructor(
    private readonly secret: Uint8Array,
    /** LENDCORE_TOKEN_MAX_TTL: a token living longer than this is refused. */
    private readonly maxTtlSeconds?: number,
    /** With LENDCORE_OIDC_ISSUER: tokens signed asymmetrically go to the provider's keys. */
    private readonly oidc?: OidcVerifier,
  ) {}

  /** The actor a valid token names; throws the 401 HttpError of verifyToken otherwise. */
  async verify(token: string, now: Date): Promise<Actor> {
    return (await this.check(token, now)).actor;
  }

  /** The actor and session (null for a locally minted token without `sid`) of a valid token. */
  async check(token: string, now: Date): Promise<VerifiedToken> {
    const at = now.getTime();
    const known = this.tokens.get(token);
    if (known !== undefined && at >= known.verifiedAtMs && at < known.expiresAtMs) return known;
    const verified = this.oidc !== undefined && !isLocal(token)
      ? await this.oidc.verify(token, now, this.maxTtlSeconds ?? Number.MAX_SAFE_INTEGER)
      : await verifyTokenUntil(token, this.secret, now, this.maxTtlSeconds);
    if (this.tokens.size >= MAX_TOKENS) this.tokens.clear();
    this.tokens.set(token, { ...verified, verifiedAtMs: at });
    return verified;
  }
}

/** Locally minted tokens are HS256; anything else (or an unreadable header) is the provider's to judge. */
function isLocal(token: string): boolean {
  try {
    return decodeProtectedHeader(token).alg === 'HS256';
  } catch {
    return true;
  }
}
