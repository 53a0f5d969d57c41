import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Actor } from '../../domain/actor.js';
import { unauthenticated } from '../http-error.js';
import { parseDurationSeconds } from './duration.js';

/** Roles a token may carry; `system` is for the process itself and is never minted. */
export const TOKEN_ROLES = ['borrower', 'officer', 'underwriter', 'compliance', 'admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

const claimsSchema = z
  .object({ sub: z.string().min(1), role: z.enum(TOKEN_ROLES), customerId: z.string().min(1).optional() })
  .refine((c) => c.role !== 'borrower' || c.customerId !== undefined, 'a borrower token needs customerId');

export interface TokenRequest {
  sub: string;
  role: TokenRole;
  customerId?: string;
  /** `8h`, `15m`, `30d` or seconds. */
  ttl: string;
}

/** Signs an HS256 JWT valid from `now` for `ttl`; refuses a borrower without customerId or a bad ttl. */
export async function mintToken(request: TokenRequest, secret: Uint8Array, now: Date = new Date()): Promise<string> {
  const claims = claimsSchema.parse({ sub: request.sub, role: request.role, customerId: request.customerId });
  const ttlSeconds = parseDurationSeconds(request.ttl);
  if (ttlSeconds === null) throw new Error(`ttl ${JSON.stringify(request.ttl)}: expected a duration like 8h, 15m or 30d`);
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: claims.role, ...(claims.customerId ? { customerId: claims.customerId } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(secret);
}

/** The actor a valid token names; throws a 401 HttpError for a bad signature, expiry or claims. */
export async function verifyToken(token: string, secret: Uint8Array, now: Date): Promise<Actor> {
  return (await verifyTokenUntil(token, secret, now)).actor;
}

/** Like verifyToken, plus the expiry (ms since the epoch) until which the token stays valid. */
export async function verifyTokenUntil(token: string, secret: Uint8Array, now: Date): Promise<{ actor: Actor; expiresAtMs: number }> {
  let payload: { exp?: number };
  try {
    ({ payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: now, requiredClaims: ['exp', 'sub'] }));
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw unauthenticated(expired ? 'the bearer token has expired' : 'the bearer token is not valid');
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw unauthenticated('the bearer token lacks a valid sub, role or customerId');
  const { sub, role, customerId } = claims.data;
  const actor: Actor = customerId === undefined ? { sub, role } : { sub, role, customerId };
  // requiredClaims makes jose refuse a token without a numeric exp, so it is present here.
  return { actor, expiresAtMs: (payload.exp ?? 0) * 1000 };
}
