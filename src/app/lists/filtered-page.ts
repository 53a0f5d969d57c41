import { encodeCursor } from '../../readstore/cursor.js';
import type { Doc, FieldValue, FindQuery, Page, ReadStore } from '../../readstore/port.js';
import { fieldValue } from '../../readstore/sqlite-field-value.js';

/** How many documents one round reads while looking for matches of a predicate the store cannot evaluate. */
const SCAN_CHUNK = 200;

/**
 * A keyset page of `collection` where the store filters what it can (`query.where` on indexed
 * fields) and `keep` filters the rest. It reads chunks until `limit` documents are kept or the
 * collection ends; `nextCursor` resumes right after the last document *examined*, so a skipped
 * document is never returned on a later page and a kept one never twice. Without `keep` it is one find.
 */
export async function findFiltered<T extends Doc>(
  readStore: ReadStore,
  collection: string,
  query: Omit<FindQuery, 'limit'> & { limit: number },
  keep?: (doc: T) => boolean,
): Promise<Page<T>> {
  if (!keep) return readStore.find<T>(collection, query);
  const sortField = query.sort?.field ?? 'id';
  const items: T[] = [];
  let cursor = query.cursor ?? null;
  for (;;) {
    const chunk = await readStore.find<T>(collection, { ...query, cursor, limit: SCAN_CHUNK });
    for (const [index, doc] of chunk.items.entries()) {
      if (!keep(doc)) continue;
      items.push(doc);
      if (items.length === query.limit) {
        const more = index < chunk.items.length - 1 || chunk.nextCursor !== null;
        return { items, nextCursor: more ? cursorAt(doc, sortField) : null };
      }
    }
    if (chunk.nextCursor === null) return { items, nextCursor: null };
    cursor = chunk.nextCursor;
  }
}

/** The store's own cursor format: the sort field's stored value and the id. */
function cursorAt(doc: Doc, sortField: string): string {
  const value: FieldValue = sortField === 'id' ? doc.id : fieldValue(doc, sortField);
  return encodeCursor({ field: sortField, value, id: doc.id });
}
