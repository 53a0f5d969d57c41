import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CollectionSpec } from './port.js';
import { ReadStoreError } from './errors.js';
import { checkCollectionName, checkFieldName } from './names.js';

/**
 * SQLite layout: one table per collection (`id TEXT PRIMARY KEY, doc TEXT`) plus one column and one
 * index per declared field. The declared fields are read back from the table itself, so a reopened
 * store knows them without a catalog table that could drift. A field column is written by the store
 * from the document on every put (`fieldValue`): a generated `json_extract` column would make SQLite
 * parse the whole JSON document again for each index, on every insert and on every index build,
 * which dominated the cost of rebuilding big documents. Tables made before that keep their
 * generated columns and still work; the store simply does not write those.
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

/** Creates the table, missing field columns (filled from the stored documents) and, unless deferred, their indexes; safe to repeat. */
export function ensureCollectionSchema(db: Database.Database, spec: CollectionSpec): void {
  const table = tableName(spec.name);
  const fields = [...new Set(spec.indexes.map(checkFieldName))].filter((field) => field !== 'id');
  if (!collectionLayout(db, spec.name)) {
    // Field columns ahead of the document: reading them (index builds, sort keys) then never walks a big document's overflow pages.
    db.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY, ${fields.map((f) => `${fieldColumn(f)}, `).join('')}doc TEXT NOT NULL)`);
  }
  const present = collectionLayout(db, spec.name)?.fields ?? new Set<string>();
  const indexed = indexedColumns(db, spec.name);
  for (const field of fields) {
    if (!present.has(field)) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${fieldColumn(field)}`);
      db.exec(`UPDATE ${table} SET ${fieldColumn(field)} = json_extract(doc, '$.${field}')`);
    }
    // Index names are global and survive a table rename (swap), so each gets a fresh suffix.
    if (!spec.deferIndexes && !indexed.has(`${COLUMN_PREFIX}${field}`)) {
      db.exec(`CREATE INDEX "ix_${spec.name}_${randomUUID().slice(0, 8)}" ON ${table} (${fieldColumn(field)}, id)`);
    }
  }
}

/** A collection's declared fields, and the ones whose column the store writes on put (in column order). */
export interface CollectionLayout {
  fields: Set<string>;
  written: string[];
}

// pragma_table_xinfo marks generated columns hidden = 2 (virtual) or 3 (stored).
const GENERATED = new Set([2, 3]);

/** The layout of a collection, or null when the collection does not exist. */
export function collectionLayout(db: Database.Database, collection: string): CollectionLayout | null {
  const columns = db
    .prepare<[string], { name: string; hidden: number }>('SELECT name, hidden FROM pragma_table_xinfo(?)')
    .all(`rm_${checkCollectionName(collection)}`);
  if (columns.length === 0) return null;
  const layout: CollectionLayout = { fields: new Set<string>(['id']), written: [] };
  for (const { name, hidden } of columns) {
    if (!name.startsWith(COLUMN_PREFIX)) continue;
    const field = name.slice(COLUMN_PREFIX.length);
    layout.fields.add(field);
    if (!GENERATED.has(hidden)) layout.written.push(field);
  }
  return layout;
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
