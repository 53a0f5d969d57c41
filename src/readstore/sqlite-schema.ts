import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CollectionSpec } from './port.js';
import { ReadStoreError } from './errors.js';
import { checkCollectionName, checkFieldName } from './names.js';

/**
 * SQLite layout: one table per collection (`id TEXT PRIMARY KEY, doc TEXT`) plus one virtual
 * generated column and one index per declared field. The declared fields are read back from the
 * table itself, so a reopened store knows them without a catalog table that could drift.
 */
export const tableName = (collection: string): string => `"rm_${checkCollectionName(collection)}"`;

/** The SQL expression for a field: the primary key for `id`, its generated column otherwise. */
export const fieldColumn = (field: string): string => (field === 'id' ? 'id' : `"f_${field}"`);

const COLUMN_PREFIX = 'f_';

export function createInternalTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS _checkpoints (
      projection TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS _leases (
      name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);`);
}

/** Creates the table, missing generated columns and their indexes; safe to repeat. */
export function ensureCollectionSchema(db: Database.Database, spec: CollectionSpec): void {
  const table = tableName(spec.name);
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
  const present = declaredFields(db, spec.name) ?? new Set<string>();
  const indexed = indexedColumns(db, spec.name);
  for (const field of spec.indexes.map(checkFieldName)) {
    if (field === 'id') continue;
    if (!present.has(field)) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${fieldColumn(field)} GENERATED ALWAYS AS (json_extract(doc, '$.${field}')) VIRTUAL`);
    }
    // Index names are global and survive a table rename (swap), so each gets a fresh suffix.
    if (!indexed.has(`${COLUMN_PREFIX}${field}`)) {
      db.exec(`CREATE INDEX "ix_${spec.name}_${randomUUID().slice(0, 8)}" ON ${table} (${fieldColumn(field)}, id)`);
    }
  }
}

/** The declared fields of a collection, or null when the collection does not exist. */
export function declaredFields(db: Database.Database, collection: string): Set<string> | null {
  const columns = db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_xinfo(?)')
    .all(`rm_${checkCollectionName(collection)}`);
  if (columns.length === 0) return null;
  const fields = new Set<string>(['id']);
  for (const { name } of columns) if (name.startsWith(COLUMN_PREFIX)) fields.add(name.slice(COLUMN_PREFIX.length));
  return fields;
}

function indexedColumns(db: Database.Database, collection: string): Set<string> {
  const rows = db
    .prepare<[string], { name: string }>(
      `SELECT ii.name AS name FROM pragma_index_list(?) il, pragma_index_info(il.name) ii WHERE ii.seqno = 0`,
    )
    .all(`rm_${collection}`);
  return new Set(rows.map((r) => r.name));
}

export function unknownCollection(collection: string): ReadStoreError {
  return new ReadStoreError('UNKNOWN_COLLECTION', `collection ${collection} does not exist; ensureCollection it first`);
}
