import type Database from 'better-sqlite3';

export type OutboxChannel = 'sms' | 'email';

export type OutboxStatus = 'pending' | 'delivered' | 'failed';

/** A message waiting for (or past) delivery. */
export interface OutboxMessage {
  id: number;
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
}

interface OutboxRow {
  id: number;
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  body: string;
  created_at: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  delivered_at: string | null;
}

const toMessage = (r: OutboxRow): OutboxMessage => ({
  id: r.id, channel: r.channel, recipient: r.recipient, subject: r.subject, body: r.body, createdAt: r.created_at,
  status: r.status, attempts: r.attempts, lastError: r.last_error, deliveredAt: r.delivered_at,
});

/**
 * The notification outbox: a message is written in the same transaction as the account change
 * that causes it, and delivered later by OutboxDelivery (SMTP, SMS webhook) with retries. In
 * development, with no channel configured, this table is the mailbox (`lendcore outbox` lists it).
 */
export class Outbox {
  constructor(private readonly db: Database.Database) {}

  enqueue(message: Pick<OutboxMessage, 'channel' | 'recipient' | 'subject' | 'body' | 'createdAt'>): void {
    this.db
      .prepare('INSERT INTO outbox (channel, recipient, subject, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(message.channel, message.recipient, message.subject, message.body, message.createdAt, message.createdAt);
  }

  /** Pending messages of the given channels due at `now`, oldest first. */
  due(channels: OutboxChannel[], now: Date, limit: number): OutboxMessage[] {
    if (channels.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND channel IN (${channels.map(() => '?').join(', ')}) ORDER BY id LIMIT ?`)
      .all(now.toISOString(), ...channels, limit) as OutboxRow[];
    return rows.map(toMessage);
  }

  markDelivered(id: number, now: Date): void {
    this.db.prepare("UPDATE outbox SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?").run(now.toISOString(), id);
  }

  /** Counts a failed attempt: tried again at `retryAt`, or given up ('failed') when that is null. */
  markFailed(id: number, error: string, retryAt: Date | null): void {
    this.db
      .prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?")
      .run(error.slice(0, 500), retryAt === null ? 'failed' : 'pending', retryAt?.toISOString() ?? null, id);
  }

  /** Forgets every message to `recipient` (an erased customer's phone or e-mail). */
  forgetRecipient(recipient: string): void {
    this.db.prepare('DELETE FROM outbox WHERE recipient = ?').run(recipient);
  }

  /** Newest first; `recipient` filters to one address. */
  list(options: { recipient?: string; limit?: number } = {}): OutboxMessage[] {
    const limit = options.limit ?? 50;
    const rows = (options.recipient === undefined
      ? this.db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit)
      : this.db.prepare('SELECT * FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT ?').all(options.recipient, limit)) as OutboxRow[];
    return rows.map(toMessage);
  }
}
