import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { KeyDestroyedError, type KeyStore } from './key-store.js';
import { unwrapKey, wrapKey } from './key-wrap.js';

interface KeyRow {
  wrapped: Buffer | null;
}

/**
 * Data keys in their own SQLite file (`keys.db`), never in the log, each wrapped by the master
 * key. A destroyed key keeps its row with `wrapped = NULL` as the record that it was erased.
 */
export class SqliteKeyStore implements KeyStore {
  private constructor(
    private readonly db: Database.Database,
    private readonly masterKey: Buffer,
  ) {}

  static open(options: { path: string; masterKey: Buffer }): SqliteKeyStore {
    mkdirSync(path.dirname(options.path), { recursive: true });
    const db = new Database(options.path);
    db.pragma('journal_mode = WAL');
    // A key lost after acknowledging a registration would make that customer's PII unreadable.
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
      customer_id TEXT PRIMARY KEY,
      wrapped BLOB,
      created_at TEXT NOT NULL,
      destroyed_at TEXT
    )`);
    return new SqliteKeyStore(db, options.masterKey);
  }

  async createKey(customerId: string): Promise<Buffer> {
    const create = this.db.transaction((): Buffer => {
      const row = this.row(customerId);
      if (row && row.wrapped === null) throw new KeyDestroyedError(customerId);
      if (row?.wrapped) return unwrapKey(this.masterKey, customerId, row.wrapped);
      const key = randomBytes(32);
      this.db
        .prepare('INSERT INTO data_keys (customer_id, wrapped, created_at) VALUES (?, ?, ?)')
        .run(customerId, wrapKey(this.masterKey, customerId, key), new Date().toISOString());
      return key;
    });
    return create.immediate();
  }

  async getKey(customerId: string): Promise<Buffer | null> {
    const row = this.row(customerId);
    return row?.wrapped ? unwrapKey(this.masterKey, customerId, row.wrapped) : null;
  }

  async destroyKey(customerId: string): Promise<void> {
    const now = new Date().toISOString();
    this.db
      .prepare(`INSERT INTO data_keys (customer_id, wrapped, created_at, destroyed_at) VALUES (?, NULL, ?, ?)
        ON CONFLICT (customer_id) DO UPDATE SET wrapped = NULL, destroyed_at = COALESCE(data_keys.destroyed_at, excluded.destroyed_at)`)
      .run(customerId, now, now);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private row(customerId: string): KeyRow | undefined {
    return this.db.prepare('SELECT wrapped FROM data_keys WHERE customer_id = ?').get(customerId) as KeyRow | undefined;
  }
}
