import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { preparePrivateFile } from '../files/private-files.js';
import { keyCheckOpens, makeKeyCheck, WrongMasterKeyError } from './key-check.js';
import { KeyDestroyedError, type KeyStore } from './key-store.js';
import { unwrapKey, wrapKey } from './key-wrap.js';

interface KeyRow {
  wrapped: Buffer | null;
}

/**
 * Data keys in their own SQLite file (`keys.db`, 0600), never in the log, each wrapped by the
 * master key. A destroyed key keeps its row with `wrapped = NULL` as the record that it was
 * erased, and leaves no copy in any file: `secure_delete` zeroes the old bytes in the database
 * pages, and the WAL (which still holds the page as it was) is checkpointed and truncated right
 * after, and again on every open in case the process died in between.
 */
export class SqliteKeyStore implements KeyStore {
  private constructor(
    private readonly db: Database.Database,
    private readonly masterKey: Buffer,
  ) {}

  /** Opens (creating) the store; throws WrongMasterKeyError when `masterKey` is not the one it was created with. */
  static open(options: { path: string; masterKey: Buffer }): SqliteKeyStore {
    preparePrivateFile(options.path);
    const db = new Database(options.path);
    try {
      db.pragma('journal_mode = WAL');
      // A key lost after acknowledging a registration would make that customer's PII unreadable.
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
      db.pragma('busy_timeout = 5000');
      db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
        customer_id TEXT PRIMARY KEY,
        wrapped BLOB,
        created_at TEXT NOT NULL,
        destroyed_at TEXT
      );
      CREATE TABLE IF NOT EXISTS key_check (id INTEGER PRIMARY KEY CHECK (id = 1), value BLOB NOT NULL);`);
      checkMasterKey(db, options.path, options.masterKey);
      // A store written before secure_delete may hold destroyed keys in free pages: rewrite it once.
      if (db.pragma('user_version', { simple: true }) === 0) {
        db.exec('VACUUM');
        db.pragma('user_version = 1');
      }
      scrub(db);
      return new SqliteKeyStore(db, options.masterKey);
    } catch (error) {
      db.close();
      throw error;
    }
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
    scrub(this.db);
  }

  /** True while the master key still opens the store's key-check value (for /ready). */
  masterKeyOpens(): boolean {
    const row = this.db.prepare('SELECT value FROM key_check WHERE id = 1').get() as { value: Buffer } | undefined;
    return row !== undefined && keyCheckOpens(this.masterKey, row.value);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private row(customerId: string): KeyRow | undefined {
    return this.db.prepare('SELECT wrapped FROM data_keys WHERE customer_id = ?').get(customerId) as KeyRow | undefined;
  }
}

/**
 * Compares the master key with the stored check value, writing one on first open. A store from
 * before check values is checked by opening one of its keys instead.
 */
function checkMasterKey(db: Database.Database, file: string, masterKey: Buffer): void {
  const stored = db.prepare('SELECT value FROM key_check WHERE id = 1').get() as { value: Buffer } | undefined;
  if (stored !== undefined) {
    if (!keyCheckOpens(masterKey, stored.value)) throw new WrongMasterKeyError(file);
    return;
  }
  const sample = db.prepare('SELECT customer_id, wrapped FROM data_keys WHERE wrapped IS NOT NULL LIMIT 1').get() as { customer_id: string; wrapped: Buffer } | undefined;
  if (sample !== undefined) {
    try {
      unwrapKey(masterKey, sample.customer_id, sample.wrapped);
    } catch {
      throw new WrongMasterKeyError(file);
    }
  }
  db.prepare('INSERT INTO key_check (id, value) VALUES (1, ?)').run(makeKeyCheck(masterKey));
}

/** Moves every committed page into the database file and empties the WAL, so no earlier page version (a destroyed key) stays on disk. */
function scrub(db: Database.Database): void {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (result !== undefined && result.busy !== 0) throw new Error('keys.db-wal could not be truncated: another connection is reading the key store; retry the erasure');
}
