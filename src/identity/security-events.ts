import type Database from 'better-sqlite3';

export const SECURITY_EVENT_TYPES = [
  'account.registered', 'account.verified', 'login.succeeded', 'login.failed', 'login.locked',
  'session.refreshed', 'session.revoked', 'session.reuse-detected', 'password.changed', 'password.reset',
  'totp.enrolled', 'user.created', 'user.disabled', 'user.enabled', 'role.changed',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** One row of the security log: what happened, to which account, who did it and from where. */
export interface SecurityEvent {
  id: number;
  type: SecurityEventType;
  userId: string | null;
  actor: string | null;
  address: string | null;
  detail: string | null;
  occurredAt: string;
}

interface Row {
  id: number;
  type: SecurityEventType;
  user_id: string | null;
  actor: string | null;
  address: string | null;
  detail: string | null;
  occurred_at: string;
}

/**
 * Security events in the identity file (not the event log: a failed login by an unknown name is
 * no business fact and must not bloat the hash-chained log). Compliance reads them through
 * `GET /v1/security-events`. Never holds a password, code or token.
 */
export class SecurityLog {
  constructor(private readonly db: Database.Database) {}

  record(event: Omit<SecurityEvent, 'id'>): void {
    this.db
      .prepare('INSERT INTO security_events (type, user_id, actor, address, detail, occurred_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(event.type, event.userId, event.actor, event.address, event.detail, event.occurredAt);
  }

  /** Newest first, below `beforeId` when paging. */
  list(options: { userId?: string; type?: SecurityEventType; beforeId?: number; limit: number }): SecurityEvent[] {
    const filters: [string, string | number | undefined][] = [['user_id = ?', options.userId], ['type = ?', options.type], ['id < ?', options.beforeId]];
    const used = filters.filter((f): f is [string, string | number] => f[1] !== undefined);
    const where = used.map(([clause]) => clause);
    const args = used.map(([, value]) => value);
    const sql = `SELECT * FROM security_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, options.limit) as Row[]).map((r) => ({
      id: r.id, type: r.type, userId: r.user_id, actor: r.actor, address: r.address, detail: r.detail, occurredAt: r.occurred_at,
    }));
  }
}
