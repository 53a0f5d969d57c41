import { MongoClient, type Collection, type Db, type Document, type Filter } from 'mongodb';
import { fromStoredCheckpoint, saveCheckpoint, type StoredCheckpoint } from './mongo-checkpoints.js';
import { DeclaredFields } from './mongo-declared-fields.js';
import { cursorAfter, toMongoFind, type StoredDoc } from './mongo-find.js';
import { acquireLease, releaseLease, type StoredLease } from './mongo-leases.js';
import { collectionExists, finishPendingSwap, swapCollections, type StoredSwap, type SwapStores } from './mongo-swap.js';
import { toBulkWrites } from './mongo-writes.js';
import { checkCollectionName, checkFieldName } from './names.js';
import type { Checkpoint, CollectionSpec, Doc, FindQuery, Page, ReadStore, Write } from './port.js';

const SCAN_PAGE_SIZE = 1_000;

/**
 * Read models in MongoDB: one collection per model, `_id` = the document's id, and internal
 * collections whose `_lendcore_` prefix no model name can take (names start with a letter).
 */
export class MongoReadStore implements ReadStore {
  private readonly checkpoints: Collection<StoredCheckpoint>;
  private readonly leases: Collection<StoredLease>;
  private readonly swaps: Collection<StoredSwap>;
  private readonly declared: DeclaredFields;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.checkpoints = db.collection<StoredCheckpoint>('_lendcore_checkpoints');
    this.leases = db.collection<StoredLease>('_lendcore_leases');
    this.swaps = db.collection<StoredSwap>('_lendcore_swaps');
    this.declared = new DeclaredFields(db);
  }

  /**
   * Connects and refuses a standalone server: `commit` needs multi-document transactions, which
   * only a replica set (or a sharded cluster behind mongos) offers. The database is `dbName`, else
   * the one named in the URL.
   */
  static async connect(url: string, dbName?: string): Promise<MongoReadStore> {
    const client = await MongoClient.connect(url);
    try {
      const hello = await client.db('admin').command({ hello: 1 });
      if (!supportsTransactions(hello)) {
        throw new Error('MongoDB read store needs a replica set (transactions): start mongod with --replSet, see docker-compose.yml');
      }
      return new MongoReadStore(client, client.db(dbName));
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    const name = checkCollectionName(spec.name);
    const fields = spec.indexes.map(checkFieldName).filter((field) => field !== 'id');
    if (!(await collectionExists(this.db, name))) await this.db.createCollection(name);
    // (field, _id): a keyset page is one index range scan, and the index is how fields are declared.
    if (fields.length > 0) await this.db.collection(name).createIndexes(fields.map((field) => ({ key: { [field]: 1, _id: 1 } })));
    this.declared.forget(name);
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const row = await (await this.collection(collection)).findOne({ _id: id });
    return row ? toDoc<T>(row) : null;
  }

  async getMany<T extends Doc>(collection: string, ids: readonly string[]): Promise<Map<string, T>> {
    const docs = new Map<string, T>();
    const col = await this.collection(collection);
    if (ids.length === 0) return docs;
    for (const row of await col.find({ _id: { $in: [...ids] } }).toArray()) docs.set(row._id, toDoc<T>(row));
    return docs;
  }

  async find<T extends Doc>(collection: string, query: FindQuery = {}): Promise<Page<T>> {
    const { filter, sort, sortField, descending, limit } = toMongoFind(collection, await this.declared.of(collection), query);
    const cursor = (await this.collection(collection)).find(filter).sort(sort);
    // One extra row tells whether another page exists without a count query.
    const rows = await (limit === null ? cursor : cursor.limit(limit + 1)).toArray();
    const more = limit !== null && rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1);
    return { items: page.map((row) => toDoc<T>(row)), nextCursor: more && last ? cursorAfter(last, sortField, descending) : null };
  }

  async *scan<T extends Doc>(collection: string): AsyncIterable<T> {
    const docs = await this.collection(collection);
    let after: string | null = null;
    for (;;) {
      const filter: Filter<StoredDoc> = after === null ? {} : { _id: { $gt: after } };
      const rows: StoredDoc[] = await docs.find(filter).sort({ _id: 1 }).limit(SCAN_PAGE_SIZE).toArray();
      for (const row of rows) yield toDoc<T>(row);
      const last = rows.at(-1);
      if (!last || rows.length < SCAN_PAGE_SIZE) return;
      after = last._id;
    }
  }

  async getCheckpoint(projection: string): Promise<Checkpoint | null> {
    await finishPendingSwap(this.swapStores(), projection);
    const stored = await this.checkpoints.findOne({ _id: projection });
    return stored ? fromStoredCheckpoint(stored) : null;
  }

  async commit(writes: Write[], checkpoint: Checkpoint): Promise<void> {
    const batches = toBulkWrites(writes);
    // Checked before the transaction: Mongo would silently create a collection nobody declared.
    for (const collection of batches.keys()) await this.declared.of(collection);
    await this.client.withSession((session) =>
      session.withTransaction(async () => {
        for (const [collection, ops] of batches) await this.db.collection<StoredDoc>(collection).bulkWrite(ops, { session, ordered: true });
        await saveCheckpoint(this.checkpoints, checkpoint, session);
      }),
    );
  }

  async dropCollection(name: string): Promise<void> {
    await this.db.dropCollection(checkCollectionName(name));
    this.declared.forget(name);
  }

  async swapCollections(pairs: { from: string; to: string }[], checkpoint: Checkpoint): Promise<void> {
    for (const { from, to } of pairs) {
      await this.declared.of(from);
      checkCollectionName(to);
    }
    try {
      await swapCollections(this.swapStores(), pairs, checkpoint);
    } finally {
      this.declared.forget(...pairs.flatMap(({ from, to }) => [from, to]));
    }
  }

  acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    return acquireLease(this.leases, name, owner, ttlMs, now);
  }

  releaseLease(name: string, owner: string): Promise<void> {
    return releaseLease(this.leases, name, owner);
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** The model collection, after checking it exists (UNKNOWN_COLLECTION otherwise). */
  private async collection(name: string): Promise<Collection<StoredDoc>> {
    await this.declared.of(checkCollectionName(name));
    return this.db.collection<StoredDoc>(name);
  }

  private swapStores(): SwapStores {
    return { client: this.client, db: this.db, swaps: this.swaps, checkpoints: this.checkpoints };
  }
}

function supportsTransactions(hello: Document): boolean {
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

function toDoc<T extends Doc>(row: StoredDoc): T {
  const { _id, ...doc } = row;
  return { ...doc, id: _id } as T;
}
