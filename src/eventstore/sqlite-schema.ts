import Database from 'better-sqlite3';
import { preparePrivateFile } from '../files/private-files.js';
import { AUDIT_INDEXES } from './sqlite-audit-index.js';

export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'OFF';

// `streams` keeps each stream's head so an append finds revision and last hash in O(1);
// UNIQUE(stream_id, revision) is both the optimistic-concurrency backstop and the readStream index.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  correlation_id TEXT NOT NULL,
  causation_id TEXT,
  idempotency_key TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  hash_version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  last_hash TEXT NOT NULL,
  mac TEXT
);
CREATE TABLE IF NOT EXISTS snapshots (
  stream_id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  stream_hash TEXT,
  mac TEXT
);
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  position INTEGER NOT NULL,
  mac TEXT
);
`;

// Columns added after the first landing, for logs created before them: [table, column, declaration].
// `events.hash_version` defaults to 1: every row written before it (or by an older release still
// writing to the file) was hashed at version 1, which is what its hash covers.
const ADDED_COLUMNS: [string, string, string][] = [
  ['streams', 'mac', 'TEXT'],
  ['snapshots', 'stream_hash', 'TEXT'],
  ['snapshots', 'mac', 'TEXT'],
  ['idempotency', 'mac', 'TEXT'],
  ['events', 'hash_version', 'INTEGER NOT NULL DEFAULT 1'],
];

/**
 * Opens (creating folder and schema) an event-log database in WAL mode with `synchronous` set
 * explicitly: better-sqlite3 reopens a WAL database at NORMAL, which could lose acknowledged
 * commits on power loss. Integers come out as bigint so positions never lose precision.
 */
export function openEventLogDatabase(path: string, synchronous: SqliteSynchronous): Database.Database {
  preparePrivateFile(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  // Another process (a CLI verify, a projector worker) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  db.defaultSafeIntegers(true);
  db.exec(SCHEMA);
  for (const [table, column, declaration] of ADDED_COLUMNS) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${declaration}`);
  }
  db.exec(AUDIT_INDEXES);
  // A retried request whose idempotency record is gone is found by the key its events carry (findIdempotency).
  db.exec('CREATE INDEX IF NOT EXISTS events_idempotency_key ON events (idempotency_key) WHERE idempotency_key IS NOT NULL');
  return db;
}
