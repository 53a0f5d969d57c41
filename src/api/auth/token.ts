import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Actor } from '../../domain/actor.js';
import { unauthenticated } from '../http-error.js';
import { parseDurationSeconds } from './duration.js';
import { assertIssuedInThePast } from './issued-at.js';

/** Roles a token may carry; `system` is for the process itself and is never minted. */
export const TOKEN_ROLES = ['borrower', 'officer', 'underwriter', 'compliance', 'admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/**
 * One spelling per subject: NFKC and lower case, so `Ulf` and `ulf` (or a full-width `Ｕlf`) are
 * one identity for four-eyes checks. User accounts' subjects are lower-case UUIDs already.
 */
export function normaliseSubject(sub: string): string {
  return sub.normalize('NFKC').trim().toLowerCase();
}

const claimsSchema = z
  .object({
    sub: z.string().min(1).transform(normaliseSubject).pipe(z.string().min(1)),
    role: z.enum(TOKEN_ROLES),
    customerId: z.string().min(1).optional(),
    sid: z.string().min(1).optional(),
  })
  .refine((c) => c.role !== 'borrower' || c.customerId !== undefined, 'a borrower token needs customerId');

export interface TokenRequest {
  sub: string;
  role: TokenRole;
  customerId?: string;
  /** The session the token belongs to; revoking the session invalidates the token. */
  sid?: string;
  /** `8h`, `15m`, `30d` or seconds. */
  ttl: string;
  /** Refuses a ttl above this many seconds (LENDCORE_TOKEN_MAX_TTL). */
  maxTtlSeconds?: number;
}

/** Signs an HS256 JWT valid from `now` for `ttl`; refuses a borrower without customerId, a bad ttl or one above the maximum. */
export async function mintToken(request: TokenRequest, secret: Uint8Array, now: Date = new Date()): Promise<string> {
  const claims = claimsSchema.parse({ sub: request.sub, role: request.role, customerId: request.customerId, sid: request.sid });
  const ttlSeconds = parseDurationSeconds(request.ttl);
  if (ttlSeconds === null) throw new Error(`ttl ${JSON.stringify(request.ttl)}: expected a duration like 8h, 15m or 30d`);
  if (request.maxTtlSeconds !== undefined && ttlSeconds > request.maxTtlSeconds) {
    throw new Error(`ttl ${request.ttl} is above the maximum of ${request.maxTtlSeconds} s (LENDCORE_TOKEN_MAX_TTL)`);
  }
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: claims.role, ...(claims.customerId ? { customerId: claims.customerId } : {}), ...(claims.sid ? { sid: claims.sid } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(secret);
}

/** What a verified token says: the actor, its session (when it has one) and when it expires. */
export interface VerifiedToken {
  actor: Actor;
  sessionId: string | null;
  /** Ms since the epoch. */
  expiresAtMs: number;
}

/** The actor a valid token names; throws a 401 HttpError for a bad signature, expiry or claims. */
export async function verifyToken(token: string, secret: Uint8Array, now: Date, maxTtlSeconds?: number): Promise<Actor> {
  return (await verifyTokenUntil(token, secret, now, maxTtlSeconds)).actor;
}

/** Turns verified JWT claims into the caller; 401 when they lack sub or role, or a borrower lacks customerId. */
export function claimsToToken(payload: Record<string, unknown>): Omit<VerifiedToken, 'expiresAtMs'> {
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw unauthenticated('the bearer token lacks a valid sub, role or customerId');
  const { sub, role, customerId, sid } = claims.data;
  const actor: Actor = customerId === undefined ? { sub, role } : { sub, role, customerId };
  return { actor, sessionId: sid ?? null };
}

/**
 * Like verifyToken, plus the session id and expiry. A token issued in the future (beyond the clock
 * skew, issued-at.ts) is refused; with `maxTtlSeconds`, so is a token whose lifetime (exp − iat) is
 * longer, however it was signed.
 */
export async function verifyTokenUntil(token: string, secret: Uint8Array, now: Date, maxTtlSeconds?: number): Promise<VerifiedToken> {
  let payload: { exp?: number; iat?: number };
  try {
    ({ payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: now, requiredClaims: ['exp', 'iat', 'sub'] }));
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw unauthenticated(expired ? 'the bearer token has expired' : 'the bearer token is not valid');
  }
  // requiredClaims makes jose refuse a token without numeric exp and iat, so both are present here.
  const exp = payload.exp ?? 0;
  assertIssuedInThePast(payload.iat ?? 0, now);
  if (maxTtlSeconds !== undefined && exp - (payload.iat ?? 0) > maxTtlSeconds) throw unauthenticated('the bearer token lives longer than this server allows');
  return { ...claimsToToken(payload), expiresAtMs: exp * 1000 };
}
