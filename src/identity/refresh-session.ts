import { invalidRefreshToken } from './auth-error.js';
import type { IdentityContext } from './identity-context.js';
import { issueTokens, type SessionTokens } from './session-tokens.js';

/**
 * Exchanges a refresh token for new tokens (rotation: the old refresh token is spent). A spent
 * token presented again means two holders: the whole session is revoked and both must log in
 * again — unless it comes within REFRESH_REUSE_GRACE_MS of its exchange and before the new token
 * was used (two tabs refreshing at once, a retry; QA9 Q9): then it is refused and nothing is
 * revoked. 401 INVALID_REFRESH_TOKEN for unknown, spent, expired or revoked tokens.
 */
export async function refreshSession(ctx: IdentityContext, refreshToken: string, address: string): Promise<SessionTokens> {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const found = identity.sessions.exchange(refreshToken, now);
  if (found.kind === 'invalid') throw invalidRefreshToken();
  if (found.kind === 'raced') {
    // A duplicate of an exchange seconds ago (two tabs, a retried request): refused, the session and
    // the tokens that exchange issued stay valid; logged so a pattern of races can be looked into.
    identity.securityLog.record({ type: 'session.reuse-detected', userId: found.userId, actor: null, address, detail: `${found.sessionId} within the reuse grace: not revoked`, occurredAt: now.toISOString() });
    throw invalidRefreshToken();
  }
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
