import { preparePrivateFile } from '../files/private-files.js';
import Database from 'better-sqlite3';

/** How long a writer waits for another process's lock before SQLITE_BUSY (the CLI and the server share the file). */
const BUSY_TIMEOUT_MS = 5_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('borrower', 'staff')),
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
  customer_id TEXT,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT,
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  totp_last_step INTEGER,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS staff_contacts (
  user_id TEXT PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  address TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS preferences (
  subject TEXT PRIMARY KEY,
  document TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS recovery_codes (
  user_id TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (user_id, code_hash)
);
CREATE TABLE IF NOT EXISTS one_time_codes (
  user_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  window_ends_at TEXT,
  codes_sent INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (user_id, purpose)
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_reason TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  used_at TEXT
);
CREATE TABLE IF NOT EXISTS login_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  blocked_until TEXT
);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL DEFAULT '',
  last_error TEXT,
  delivered_at TEXT
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS security_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  user_id TEXT,
  actor TEXT,
  address TEXT,
  detail TEXT,
  occurred_at TEXT NOT NULL
);
`;

/** Columns added since the first release: [table, column, declaration], added to an older file on open. */
const ADDED_COLUMNS: [string, string, string][] = [
  // The window a sent code opened (null in a row written before: its own expiry) and the codes sent within it.
  ['one_time_codes', 'window_ends_at', 'TEXT'],
  ['one_time_codes', 'codes_sent', 'INTEGER NOT NULL DEFAULT 1'],
];

/**
 * The identity file (`<dataDir>/users.db`), beside the key store and outside the event log:
 * accounts, sessions, refresh tokens, one-time codes, failed-login counters, the notification
 * outbox and security events. WAL, `synchronous=FULL` (an acknowledged password change or
 * revocation must survive a crash), and a busy timeout so `lendcore users` can run beside the server.
 * `secure_delete` zeroes what a delete or update frees, so an erased borrower's phone or e-mail
 * (a login, an outbox recipient, a failed-login key) leaves no bytes behind in the pages; a file
 * written before it is rewritten once (VACUUM), and the WAL is scrubbed on open in case the
 * process died between an erasure and its scrub. Throws like scrubIdentityDb.
 */
export function openIdentityDb(file: string): Database.Database {
  preparePrivateFile(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.exec(SCHEMA);
    for (const [table, column, declaration] of ADDED_COLUMNS) {
      const columns = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[];
      if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${declaration}`);
    }
    if (db.pragma('user_version', { simple: true }) === 0) {
      db.exec('VACUUM');
      db.pragma('user_version = 1');
    }
    scrubIdentityDb(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Moves every committed page into users.db and truncates its WAL to zero bytes, so no earlier
 * version of a page (an erased borrower's rows) stays on disk. Throws when another connection's
 * read keeps the WAL from being emptied within the busy timeout.
 */
export function scrubIdentityDb(db: Database.Database): void {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result !== undefined && result.busy !== 0) throw new Error('users.db-wal could not be truncated: another connection is reading the identity file; retry the erasure');
}

export const IDENTITY_DB_FILE = 'users.db';
