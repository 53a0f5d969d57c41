import Database from 'better-sqlite3';
import { preparePrivateFile } from '../files/private-files.js';
import type { BlindIndexHit, BlindIndexRow, BlindIndexStore } from './blind-index-store.js';

/**
 * Blind-index rows in their own SQLite file beside the key store (`blind-index.db`), never in the
 * log or the read models: a rebuild cannot recreate them (projections never see PII in clear),
 * and erasure must be able to delete them for good.
 */
export class SqliteBlindIndexStore implements BlindIndexStore {
  private constructor(private readonly db: Database.Database) {}

  static open(options: { path: string }): SqliteBlindIndexStore {
    preparePrivateFile(options.path);
    const db = new Database(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS blind_index (
      token TEXT NOT NULL,
      customer_id TEXT NOT NULL,
      field TEXT NOT NULL,
      PRIMARY KEY (token, customer_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS blind_index_customer ON blind_index (customer_id);`);
    return new SqliteBlindIndexStore(db);
  }

  async put(rows: BlindIndexRow[]): Promise<void> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO blind_index (token, customer_id, field) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const row of rows) insert.run(row.token, row.customerId, row.field);
    })();
  }

  async find(tokens: string[], afterCustomerId: string | null, limit: number): Promise<BlindIndexHit[]> {
    if (tokens.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT customer_id AS customerId, group_concat(DISTINCT field) AS fields FROM blind_index
        WHERE token IN (${tokens.map(() => '?').join(', ')}) AND customer_id > ?
        GROUP BY customer_id ORDER BY customer_id LIMIT ?`)
      .all(...tokens, afterCustomerId ?? '', limit) as { customerId: string; fields: string }[];
    return rows.map((r) => ({ customerId: r.customerId, fields: r.fields.split(',').sort() }));
  }

  async drop(customerId: string): Promise<void> {
    this.db.prepare('DELETE FROM blind_index WHERE customer_id = ?').run(customerId);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
