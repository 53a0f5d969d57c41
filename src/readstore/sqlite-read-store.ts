import Database from 'better-sqlite3';
import { preparePrivateFile } from '../files/private-files.js';
import type { Checkpoint, CollectionSpec, Doc, FindQuery, Page, ReadStore, StaleQueryColumn, Write } from './port.js';
import { encodeCursor } from './cursor.js';
import { checkCollectionName } from './names.js';
import { buildFindSql, type SqlValue } from './sqlite-query.js';
import { fieldValue } from './sqlite-field-value.js';
import { createInternalTables, collectionLayout, ensureCollectionSchema, fieldColumn, tableName, unknownCollection, type CollectionLayout } from './sqlite-schema.js';

export interface SqliteReadStoreOptions {
  path: string;
  /** Read models are rebuilt from the log, so losing the last commits on power loss is fine. */
  synchronous?: 'FULL' | 'NORMAL' | 'OFF';
}

interface CheckpointRow {
  projection: string;
  version: number;
  position: string;
  updated_at: string;
}

const SCAN_PAGE = 1_000;

/**
 * Page size of a read store file this store creates (an existing file keeps its own). Loan
 * documents are several KB and a rebuild writes every one of them: with 16 KiB pages they fit
 * without overflow chains and the B-trees are shallower, which cut a rebuild's commits by about a
 * fifth and its index builds by about a third against SQLite's default of 4 KiB.
 */
export const READ_STORE_PAGE_SIZE = 16_384;

/** Read models as JSON documents in SQLite; every write lands in a transaction with its checkpoint. */
export class SqliteReadStore implements ReadStore {
  private readonly layouts = new Map<string, CollectionLayout>();
  private readonly puts = new Map<string, Database.Statement>();
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating if needed, with READ_STORE_PAGE_SIZE pages) the file in WAL mode with the synchronous mode set on this connection. */
  static open(options: SqliteReadStoreOptions): SqliteReadStore {
    preparePrivateFile(options.path);
    const db = new Database(options.path);
    // Only takes effect before the first table exists, and never once the file is in WAL mode.
    db.pragma(`page_size = ${READ_STORE_PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma('busy_timeout = 5000');
    createInternalTables(db);
    return new SqliteReadStore(db);
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    this.db.transaction(() => ensureCollectionSchema(this.db, spec)).immediate();
    this.forget(spec.name);
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    this.declared(collection);
    const row = this.statement(`SELECT doc FROM ${tableName(collection)} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async getMany<T extends Doc>(collection: string, ids: readonly string[]): Promise<Map<string, T>> {
    this.declared(collection);
    const docs = new Map<string, T>();
    if (ids.length === 0) return docs;
    // One statement for any number of ids: they go in as one JSON array, not a placeholder each.
    const rows = this.statement(`SELECT id, doc FROM ${tableName(collection)} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as { id: string; doc: string }[];
    for (const row of rows) docs.set(row.id, JSON.parse(row.doc) as T);
    return docs;
  }

  async find<T extends Doc>(collection: string, query: FindQuery = {}): Promise<Page<T>> {
    const { sql, params, sortField, descending, limit } = buildFindSql(collection, this.declared(collection).fields, query);
    const rows = this.statement(sql).all(...params) as { doc: string; sort_key: SqlValue; id: string }[];
    const more = limit !== null && rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const last = pageRows[pageRows.length - 1];
    return {
      items: pageRows.map((r) => JSON.parse(r.doc) as T),
      nextCursor: more && last ? encodeCursor({ field: sortField, descending, value: last.sort_key, id: last.id }) : null,
    };
  }

  async *scan<T extends Doc>(collection: string): AsyncIterable<T> {
    this.declared(collection);
    const page = this.statement(`SELECT id, doc FROM ${tableName(collection)} WHERE id > ? ORDER BY id LIMIT ${SCAN_PAGE}`);
    let after = '';
    for (;;) {
      const rows = page.all(after) as { id: string; doc: string }[];
      for (const row of rows) yield JSON.parse(row.doc) as T;
      const last = rows[rows.length - 1];
      if (!last || rows.length < SCAN_PAGE) return;
      after = last.id;
    }
  }

  async *staleQueryColumns(collection: string): AsyncIterable<StaleQueryColumn> {
    const { written } = this.declared(collection);
    if (written.length === 0) return;
    const columns = written.map((field, i) => `${fieldColumn(field)} AS c${i}`).join(', ');
    const page = this.statement(`SELECT id, doc, ${columns} FROM ${tableName(collection)} WHERE id > ? ORDER BY id LIMIT ${SCAN_PAGE}`);
    let after = '';
    for (;;) {
      const rows = page.all(after) as ({ id: string; doc: string } & Record<string, unknown>)[];
      for (const row of rows) {
        const doc = JSON.parse(row.doc) as Doc;
        for (const [i, field] of written.entries()) {
          const fromDocument = fieldValue(doc, field);
          if (row[`c${i}`] !== fromDocument) yield { id: row.id, field, column: row[`c${i}`], fromDocument };
        }
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < SCAN_PAGE) return;
      after = last.id;
    }
  }

  async getCheckpoint(projection: string): Promise<Checkpoint | null> {
    const row = this.statement('SELECT * FROM _checkpoints WHERE projection = ?').get(projection) as CheckpointRow | undefined;
    return row ? { projection: row.projection, version: row.version, position: BigInt(row.position), updatedAt: row.updated_at } : null;
  }

  /**
   * Write transactions start IMMEDIATE: a deferred one that reads first (the collection's layout, the
   * schema) and then writes cannot take the write lock once another connection (the projection
   * thread, the HTTP thread, a `lendcore project` worker) has committed since its read began, and
   * fails at once with "database is locked" instead of waiting out busy_timeout.
   */
  async commit(writes: Write[], checkpoint: Checkpoint): Promise<void> {
    this.db.transaction(() => {
      for (const write of writes) {
        const layout = this.declared(write.collection);
        if (write.op === 'put') {
          this.putStatement(write.collection, layout).run(write.doc.id, JSON.stringify(write.doc), ...layout.written.map((f) => fieldValue(write.doc, f)));
        } else {
          this.statement(`DELETE FROM ${tableName(write.collection)} WHERE id = ?`).run(write.id);
        }
      }
      this.saveCheckpoint(checkpoint);
    }).immediate();
  }

  async dropCollection(name: string): Promise<void> {
    this.db.exec(`DROP TABLE IF EXISTS ${tableName(name)}`);
    this.forget(name);
  }

  async swapCollections(pairs: { from: string; to: string }[], checkpoint: Checkpoint): Promise<void> {
    this.db.transaction(() => {
      for (const { from, to } of pairs) {
        this.declared(from);
        this.db.exec(`DROP TABLE IF EXISTS ${tableName(to)}`);
        this.db.exec(`ALTER TABLE ${tableName(from)} RENAME TO ${tableName(to).slice(1, -1)}`);
      }
      this.saveCheckpoint(checkpoint);
    }).immediate();
    for (const { from, to } of pairs) {
      this.forget(from);
      this.forget(to);
    }
  }

  async acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    // The upsert only takes a row that is ours or expired; `changes` says whether it did.
    const result = this.statement(
      `INSERT INTO _leases (name, owner, expires_at) VALUES (@name, @owner, @expiresAt)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE _leases.owner = excluded.owner OR _leases.expires_at <= @now`,
    ).run({ name, owner, expiresAt: now.getTime() + ttlMs, now: now.getTime() });
    return result.changes > 0;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    this.statement('DELETE FROM _leases WHERE name = ? AND owner = ?').run(name, owner);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private saveCheckpoint(checkpoint: Checkpoint): void {
    this.statement('INSERT OR REPLACE INTO _checkpoints (projection, version, position, updated_at) VALUES (?, ?, ?, ?)').run(
      checkpoint.projection,
      checkpoint.version,
      checkpoint.position.toString(),
      checkpoint.updatedAt,
    );
  }

  private declared(collection: string): CollectionLayout {
    let layout = this.layouts.get(collection);
    if (!layout) {
      layout = collectionLayout(this.db, checkCollectionName(collection)) ?? undefined;
      if (!layout) throw unknownCollection(collection);
      this.layouts.set(collection, layout);
    }
    return layout;
  }

  private putStatement(collection: string, layout: CollectionLayout): Database.Statement {
    let put = this.puts.get(collection);
    if (!put) {
      const columns = ['id', 'doc', ...layout.written.map(fieldColumn)];
      put = this.db.prepare(`INSERT OR REPLACE INTO ${tableName(collection)} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      this.puts.set(collection, put);
    }
    return put;
  }

  // Schema changes invalidate prepared statements on the collection, so they are dropped with it.
  private forget(collection: string): void {
    this.layouts.delete(collection);
    this.puts.delete(collection);
    for (const sql of this.statements.keys()) if (sql.includes(tableName(collection))) this.statements.delete(sql);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
