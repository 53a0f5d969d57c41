import type Database from 'better-sqlite3';

export type OutboxChannel = 'sms' | 'email';

/** A message waiting for (or past) delivery. */
export interface OutboxMessage {
  id: number;
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
  deliveredAt: string | null;
}

interface OutboxRow {
  id: number;
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  body: string;
  created_at: string;
  delivered_at: string | null;
}

/**
 * The notification outbox: a message is written in the same transaction as the account change
 * that causes it. In development this table is the mailbox (`lendcore outbox` lists it); a
 * delivery worker (SMTP, SMS webhook) is not built yet, so messages stay undelivered here.
 */
export class Outbox {
  constructor(private readonly db: Database.Database) {}

  enqueue(message: Omit<OutboxMessage, 'id' | 'deliveredAt'>): void {
    this.db
      .prepare('INSERT INTO outbox (channel, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(message.channel, message.recipient, message.subject, message.body, message.createdAt);
  }

  /** Newest first; `recipient` filters to one address. */
  list(options: { recipient?: string; limit?: number } = {}): OutboxMessage[] {
    const limit = options.limit ?? 50;
    const rows = (options.recipient === undefined
      ? this.db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit)
      : this.db.prepare('SELECT * FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT ?').all(options.recipient, limit)) as OutboxRow[];
    return rows.map((r) => ({ id: r.id, channel: r.channel, recipient: r.recipient, subject: r.subject, body: r.body, createdAt: r.created_at, deliveredAt: r.delivered_at }));
  }
}
