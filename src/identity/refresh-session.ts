import { invalidRefreshToken } from './auth-error.js';
import type { IdentityContext } from './identity-context.js';
import { issueTokens, type SessionTokens } from './session-tokens.js';

/**
 * Exchanges a refresh token for new tokens (rotation: the old refresh token is spent). A spent
 * token presented again means two holders: the whole session is revoked and both must log in
 * again. 401 INVALID_REFRESH_TOKEN for unknown, spent, expired or revoked tokens.
 */
export async function refreshSession(ctx: IdentityContext, refreshToken: string, address: string): Promise<SessionTokens> {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const found = identity.sessions.exchange(refreshToken, now);
  if (found.kind === 'invalid') throw invalidRefreshToken();
  if (found.kind === 'reused') {
    if (identity.sessions.revoke(found.sessionId, 'refresh token reused', now)) {
      identity.activeSessions.forget([found.sessionId]);
      identity.securityLog.record({ type: 'session.reuse-detected', userId: found.userId, actor: null, address, detail: found.sessionId, occurredAt: now.toISOString() });
    }
    throw invalidRefreshToken();
  }
  const user = identity.users.byId(found.userId);
  if (user === null || user.status !== 'active') {
    identity.sessions.revoke(found.sessionId, 'account not active', now);
    identity.activeSessions.forget([found.sessionId]);
    throw invalidRefreshToken();
  }
  identity.securityLog.record({ type: 'session.refreshed', userId: user.id, actor: user.id, address, detail: found.sessionId, occurredAt: now.toISOString() });
  return issueTokens(ctx, user, found.sessionId);
}
