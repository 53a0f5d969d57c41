import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { unauthenticated } from '../http-error.js';
import { assertIssuedInThePast } from './issued-at.js';
import { normaliseSubject, TOKEN_ROLES, type TokenRole, type VerifiedToken } from './token.js';

/** An external OpenID Connect provider whose access tokens this server accepts (staff single sign-on). */
export interface OidcSettings {
  /** The `iss` tokens must carry, e.g. https://sso.example.com/realms/lender. */
  issuer: string;
  /** The `aud` tokens must carry (this API's client id at the provider). */
  audience: string;
  /** Where the provider puts roles; a dotted path for nested claims (Keycloak: realm_access.roles). */
  roleClaim: string;
  /** Provider role → lendcore role; the first of the token's roles that maps wins. */
  roleMap: Record<string, TokenRole>;
  /** The key set's URL; null to take `jwks_uri` from the issuer's discovery document. */
  jwksUrl: string | null;
}

/** Asymmetric algorithms only: an OIDC token signed with a shared secret would be a forgery attempt. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}

/**
 * Verifies provider tokens against the issuer's JWKS through jose's remote key set, which caches
 * the keys and refetches when a token names an unknown `kid` (key rotation). Checks signature,
 * issuer, audience, expiry and the lifetime maximum; maps the role claim. Such tokens carry no
 * lendcore session: the provider revokes them, and they live at most the configured maximum.
 */
export class OidcVerifier {
  private keys: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  private keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.keys ??= this.jwksUrl().then((url) => createRemoteJWKSet(new URL(url)));
    // A failed discovery is retried by the next token rather than remembered.
    this.keys.catch(() => (this.keys = null));
    return this.keys;
  }

  private async jwksUrl(): Promise<string> {
    if (this.settings.jwksUrl !== null) return this.settings.jwksUrl;
    const response = await fetch(`${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
    if (typeof jwksUri !== 'string') throw new Error('OIDC discovery document has no jwks_uri');
    return jwksUri;
  }

  async verify(token: string, now: Date, maxTtlSeconds: number): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.settings.issuer, audience: this.settings.audience, algorithms: ALGORITHMS, currentDate: now, requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthenticated(expired ? 'the bearer token has expired' : 'the bearer token is not valid for this server\'s identity provider');
    }
    assertIssuedInThePast(payload.iat ?? 0, now);
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > maxTtlSeconds) throw unauthenticated('the bearer token lives longer than this server allows');
    const claimed = claimAt(payload, this.settings.roleClaim);
    const roles = Array.isArray(claimed) ? claimed : [claimed];
    const role = roles.map((r) => (typeof r === 'string' ? this.settings.roleMap[r] : undefined)).find((r) => r !== undefined);
    if (role === undefined || !(TOKEN_ROLES as readonly string[]).includes(role) || role === 'borrower') {
      throw unauthenticated(`the bearer token's ${this.settings.roleClaim} claim names no role mapped to a lendcore staff role`);
    }
    return { actor: { sub: normaliseSubject(payload.sub ?? ''), role }, sessionId: null, expiresAtMs: (payload.exp ?? 0) * 1000 };
  }
}
