import type Database from 'better-sqlite3';
import { digest } from './digest.js';

/** What presenting a refresh token found. */
export type RefreshLookup =
  | { kind: 'fresh'; sessionId: string; userId: string }
  /** Already exchanged once: someone holds a copy, so the whole session is revoked. */
  | { kind: 'reused'; sessionId: string; userId: string }
  /**
   * Exchanged less than REFRESH_REUSE_GRACE_MS ago and its successor not yet used: the same holder
   * twice at once (two tabs sharing the cookie, a retry whose answer was lost). Refused, not revoked.
   */
  | { kind: 'raced'; sessionId: string; userId: string }
  | { kind: 'invalid' };

/**
 * How long after its exchange a refresh token presented again counts as a concurrent duplicate of
 * that exchange rather than theft (OAuth 2.0 Security BCP §4.14.2 allows such a grace): refused
 * without revoking the session. Later, or once its successor has been used, it revokes.
 */
export const REFRESH_REUSE_GRACE_MS = 10_000;

/**
 * Sessions (one per login) and their refresh tokens, kept as digests. Each refresh exchanges the
 * presented token for a new one; presenting an exchanged token again is theft or a replay, and
 * revokes the session (OAuth 2.0 Security BCP, refresh token rotation).
 */
export class SessionStore {
  constructor(private readonly db: Database.Database) {}

  open(sessionId: string, userId: string, now: Date, expiresAt: Date): void {
    this.db.prepare('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(sessionId, userId, now.toISOString(), expiresAt.toISOString());
  }

  issueRefresh(sessionId: string, token: string, now: Date): void {
    this.db.prepare('INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (?, ?, ?)').run(digest('refresh', token), sessionId, now.toISOString());
  }

  /** True when the session exists, is not revoked and has not expired. */
  isActive(sessionId: string, now: Date): boolean {
    const row = this.db.prepare('SELECT expires_at, revoked_at FROM sessions WHERE id = ?').get(sessionId) as { expires_at: string; revoked_at: string | null } | undefined;
    return row !== undefined && row.revoked_at === null && row.expires_at > now.toISOString();
  }

  /** Marks the token used (once) and says what it was; the caller revokes on 'reused' (not on 'raced'). */
  exchange(token: string, now: Date): RefreshLookup {
    const exchange = this.db.transaction((): RefreshLookup => {
      const hash = digest('refresh', token);
      const row = this.db.prepare(`SELECT r.session_id, r.used_at, s.user_id FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = ?`).get(hash) as
        { session_id: string; used_at: string | null; user_id: string } | undefined;
      if (!row) return { kind: 'invalid' };
      if (row.used_at !== null) {
        const found = { sessionId: row.session_id, userId: row.user_id };
        const within = now.getTime() - Date.parse(row.used_at) < REFRESH_REUSE_GRACE_MS;
        const successorUsed = this.db.prepare('SELECT 1 FROM refresh_tokens WHERE session_id = ? AND used_at > ? LIMIT 1').get(row.session_id, row.used_at) !== undefined;
        return { kind: within && !successorUsed && this.isActive(row.session_id, now) ? 'raced' : 'reused', ...found };
      }
      if (!this.isActive(row.session_id, now)) return { kind: 'invalid' };
      this.db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?').run(now.toISOString(), hash);
      return { kind: 'fresh', sessionId: row.session_id, userId: row.user_id };
    });
    return exchange.immediate();
  }

  /** The session a refresh token belongs to, used or not (logout with a refresh token). */
  sessionOfRefresh(token: string): { sessionId: string; userId: string } | null {
    const row = this.db.prepare('SELECT r.session_id, s.user_id FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = ?').get(digest('refresh', token)) as
      { session_id: string; user_id: string } | undefined;
    return row ? { sessionId: row.session_id, userId: row.user_id } : null;
  }

  userOf(sessionId: string): string | null {
    const row = this.db.prepare('SELECT user_id FROM sessions WHERE id = ?').get(sessionId) as { user_id: string } | undefined;
    return row?.user_id ?? null;
  }

  /** Revokes one session; returns false when it was already revoked or unknown. */
  revoke(sessionId: string, reason: string, now: Date): boolean {
    return this.db.prepare('UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), reason, sessionId).changes > 0;
  }

  /** Revokes every live session of the user but `except`; returns their ids (so caches can forget them). */
  revokeAllOf(userId: string, reason: string, now: Date, except: string | null = null): string[] {
    const revoke = this.db.transaction((): string[] => {
      const ids = (this.db.prepare('SELECT id FROM sessions WHERE user_id = ? AND revoked_at IS NULL').all(userId) as { id: string }[])
        .map((r) => r.id)
        .filter((id) => id !== except);
      const update = this.db.prepare('UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ?');
      for (const id of ids) update.run(now.toISOString(), reason, id);
      return ids;
    });
    return revoke();
  }
}
