import { MongoServerError, type Db } from 'mongodb';
import { ReadStoreError } from './errors.js';

const NAMESPACE_NOT_FOUND = 26;

/**
 * The fields each collection may be queried on, read back from its indexes (one `(field, _id)`
 * index per declared field), so a reopened store or another worker knows them without a catalog
 * that could drift. Cached per collection; whatever changes a collection forgets its entry.
 */
export class DeclaredFields {
  private readonly known = new Map<string, Set<string>>();

  constructor(private readonly db: Db) {}

  /** The declared fields of `collection` (always including `id`); throws UNKNOWN_COLLECTION when it is missing. */
  async of(collection: string): Promise<Set<string>> {
    const cached = this.known.get(collection);
    if (cached) return cached;
    const fields = await this.read(collection);
    this.known.set(collection, fields);
    return fields;
  }

  forget(...collections: string[]): void {
    for (const collection of collections) this.known.delete(collection);
  }

  private async read(collection: string): Promise<Set<string>> {
    try {
      const indexes = await this.db.collection(collection).indexes();
      const fields = new Set<string>(['id']);
      for (const index of indexes) {
        const first = Object.keys(index.key)[0];
        if (first !== undefined && first !== '_id') fields.add(first);
      }
      return fields;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) {
        throw new ReadStoreError('UNKNOWN_COLLECTION', `collection ${collection} does not exist; ensureCollection it first`);
      }
      throw error;
    }
  }
}
