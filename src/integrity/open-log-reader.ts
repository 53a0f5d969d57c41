import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * A read-only connection to the SQLite event log, integers as bigint, for the integrity tools
 * (checkpoints, verify, proofs) that read tables the EventStore port does not expose. Throws
 * naming the file when it does not exist.
 */
export function openLogReader(file: string): Database.Database {
  if (!existsSync(file)) throw new Error(`${file}: no event log here (check LENDCORE_DATA_DIR / LENDCORE_EVENTSTORE_URL)`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.defaultSafeIntegers(true);
  return db;
}
