/**
 * Read models as document collections. Writes happen only inside `commit`, together with the
 * projection's checkpoint, so a crash never applies an event's effect twice.
 */
export interface Doc {
  id: string;
  [field: string]: unknown;
}

export type FieldValue = string | number | boolean | null;

/** A document's query column that disagrees with the document (a hand-edited row). */
export interface StaleQueryColumn {
  id: string;
  field: string;
  /** What the column holds: what `find` filters on. */
  column: unknown;
  /** What the store writes there for the document. */
  fromDocument: unknown;
}

export interface CollectionSpec {
  name: string;
  /** Fields that `find` may filter or sort on. */
  indexes: string[];
  /**
   * Bulk load ahead (a rebuild's fresh shadow): the fields are declared and `find` works, but the
   * store may build their indexes only when the collection is ensured again without this flag.
   */
  deferIndexes?: boolean;
}

export interface FindQuery {
  /** Equality on indexed fields; a `{gte, lte}` range also works on indexed fields. */
  where?: Record<string, FieldValue | { gte?: FieldValue; lte?: FieldValue }>;
  sort?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Write =
  | { op: 'put'; collection: string; doc: Doc }
  | { op: 'delete'; collection: string; id: string };

export interface Checkpoint {
  projection: string;
  /** Version of the projection code that wrote the model. */
  version: number;
  /** Global position of the last event applied (exclusive start for the next run). */
  position: bigint;
  updatedAt: string;
}

export interface ReadStore {
  /** Creates the collection and its indexes if missing (idempotent). */
  ensureCollection(spec: CollectionSpec): Promise<void>;
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** The documents with these ids, by id (an id with no document is not in the map), in one query. */
  getMany<T extends Doc>(collection: string, ids: readonly string[]): Promise<Map<string, T>>;
  find<T extends Doc>(collection: string, query?: FindQuery): Promise<Page<T>>;
  /** Every document of a collection, in id order, paged internally. */
  scan<T extends Doc>(collection: string): AsyncIterable<T>;
  /**
   * Where a query column kept beside the document (what `find` filters and sorts on) no longer
   * holds what the store would write for that document, in id order. Absent on a store that
   * filters on the document itself (MongoDB): nothing there can drift.
   */
  staleQueryColumns?(collection: string): AsyncIterable<StaleQueryColumn>;
  getCheckpoint(projection: string): Promise<Checkpoint | null>;
  /** Applies the writes and moves the checkpoint in one transaction. */
  commit(writes: Write[], checkpoint: Checkpoint): Promise<void>;
  /** Drops the collection (used for shadow collections). */
  dropCollection(name: string): Promise<void>;
  /** Atomically replaces each `to` collection by its `from` (shadow) and sets the checkpoint. */
  swapCollections(pairs: { from: string; to: string }[], checkpoint: Checkpoint): Promise<void>;
  /** A lease so that one worker runs each projection; true when `owner` holds it until `now + ttlMs`. */
  acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;
  close(): Promise<void>;
}
