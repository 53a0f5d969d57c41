import type { AnyBulkWriteOperation } from 'mongodb';
import type { StoredDoc } from './mongo-find.js';
import type { Doc, Write } from './port.js';

/**
 * Groups writes into one bulkWrite batch per collection. Order inside a collection is kept, so a put
 * then a delete of the same id ends deleted; a document lives in one collection, so the order
 * between collections does not matter.
 */
export function toBulkWrites(writes: Write[]): Map<string, AnyBulkWriteOperation<StoredDoc>[]> {
  const byCollection = new Map<string, AnyBulkWriteOperation<StoredDoc>[]>();
  for (const write of writes) {
    const ops = byCollection.get(write.collection) ?? [];
    if (write.op === 'put') {
      // Through JSON, as the SQLite store stores it: a Decimal becomes its string, not a BSON subdocument.
      const doc: StoredDoc = { ...(JSON.parse(JSON.stringify(write.doc)) as Doc), _id: write.doc.id };
      ops.push({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } });
    } else {
      ops.push({ deleteOne: { filter: { _id: write.id } } });
    }
    byCollection.set(write.collection, ops);
  }
  return byCollection;
}
