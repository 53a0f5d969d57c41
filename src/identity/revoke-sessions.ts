import type { AccountContext } from './identity-context.js';

/** Ends one session (logout); idempotent. Records `session.revoked` the first time. */
export function endSession(ctx: AccountContext, sessionId: string, actor: string, address: string | null): void {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const userId = identity.sessions.userOf(sessionId);
  if (identity.sessions.revoke(sessionId, 'logout', now)) {
    identity.securityLog.record({ type: 'session.revoked', userId, actor, address, detail: `logout ${sessionId}`, occurredAt: now.toISOString() });
  }
  identity.activeSessions.forget([sessionId]);
}

/** Ends every session of the user (an administrator's "log them out everywhere", a reset, a disable); returns how many. */
export function revokeAllSessions(ctx: AccountContext, userId: string, actor: string, reason: string): number {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const ids = identity.sessions.revokeAllOf(userId, reason, now);
  identity.activeSessions.forget(ids);
  identity.securityLog.record({ type: 'session.revoked', userId, actor, address: null, detail: `${reason}: ${ids.length} session(s)`, occurredAt: now.toISOString() });
  return ids.length;
}
