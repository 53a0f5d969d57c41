import { mintToken } from '../api/auth/token.js';
import { uuidv7 } from '../eventstore/uuidv7.js';
import { opaqueToken } from './digest.js';
import type { IdentityContext } from './identity-context.js';
import type { User } from './users.js';

/** Access tokens live 15 minutes: short enough that a leaked one is soon worthless. */
export const ACCESS_TTL_SECONDS = 15 * 60;
/** A borrower stays logged in for 30 days of refreshes; staff for one working day. */
const SESSION_MS = { borrower: 30 * 86_400_000, staff: 12 * 3_600_000 } as const;

/** What a login or refresh answers (the refresh token also goes into an httpOnly cookie). */
export interface SessionTokens {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
  refreshToken: string;
  sessionId: string;
  userId: string;
  role: User['role'];
  customerId: string | null;
}

/** An access token for the user in the session: `sub` user id, `role`, `customerId` for borrowers, `sid`. */
export async function accessToken(ctx: IdentityContext, user: User, sessionId: string): Promise<string> {
  return mintToken({
    sub: user.id, role: user.role, sid: sessionId, ttl: String(ACCESS_TTL_SECONDS),
    ...(user.customerId !== null && user.role === 'borrower' ? { customerId: user.customerId } : {}),
  }, ctx.jwtSecret, ctx.clock.now());
}

/** Tokens for `sessionId` with a fresh refresh token (stored as a digest). */
export async function issueTokens(ctx: IdentityContext, user: User, sessionId: string): Promise<SessionTokens> {
  const refreshToken = opaqueToken();
  ctx.identity.sessions.issueRefresh(sessionId, refreshToken, ctx.clock.now());
  return {
    tokenType: 'Bearer', accessToken: await accessToken(ctx, user, sessionId), expiresIn: ACCESS_TTL_SECONDS,
    refreshToken, sessionId, userId: user.id, role: user.role, customerId: user.customerId,
  };
}

/** Opens a new session for a user who just proved who they are, and its first tokens. */
export async function startSession(ctx: IdentityContext, user: User): Promise<SessionTokens> {
  const now = ctx.clock.now();
  const sessionId = uuidv7(now.getTime());
  ctx.identity.sessions.open(sessionId, user.id, now, new Date(now.getTime() + SESSION_MS[user.kind]));
  return issueTokens(ctx, user, sessionId);
}
