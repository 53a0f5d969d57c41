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
 * `keep` may answer asynchronously (a figure read beside the document).
 */
export async function findFiltered<T extends Doc>(
  readStore: ReadStore,
  collection: string,
  query: Omit<FindQuery, 'limit'> & { limit: number },
  keep?: (doc: T) => boolean | Promise<boolean>,
): Promise<Page<T>> {
  if (!keep) return readStore.find<T>(collection, query);
  const sortField = query.sort?.field ?? 'id';
  const descending = query.sort?.direction === 'desc';
  const items: T[] = [];
  let cursor = query.cursor ?? null;
  for (;;) {
    const chunk = await readStore.find<T>(collection, { ...query, cursor, limit: SCAN_CHUNK });
    for (const [index, doc] of chunk.items.entries()) {
      if (!(await keep(doc))) continue;
      items.push(doc);
      if (items.length === query.limit) {
        const more = index < chunk.items.length - 1 || chunk.nextCursor !== null;
        return { items, nextCursor: more ? cursorAt(doc, sortField, descending) : null };
      }
    }
    if (chunk.nextCursor === null) return { items, nextCursor: null };
    cursor = chunk.nextCursor;
  }
}

/** The store's own cursor format: the sort, the sort field's stored value and the id. */
function cursorAt(doc: Doc, sortField: string, descending: boolean): string {
  const value: FieldValue = sortField === 'id' ? doc.id : fieldValue(doc, sortField);
  return encodeCursor({ field: sortField, descending, value, id: doc.id });
}

/**
 * The union of several `where`s over one collection in one sort order, paged as one list: each
 * branch is read after the same keyset position (a position in the sort order is valid for every
 * branch), the pages are merged, and the cursor names the last document returned. For filters
 * the store cannot express as one equality (status overdue *or* written off).
 */
export async function findMerged<T extends Doc>(
  readStore: ReadStore,
  collection: string,
  wheres: NonNullable<FindQuery['where']>[],
  query: Omit<FindQuery, 'limit' | 'where'> & { limit: number },
  keep?: (doc: T) => boolean | Promise<boolean>,
): Promise<Page<T>> {
  if (wheres.length === 1) return findFiltered(readStore, collection, { ...query, where: wheres[0] }, keep);
  const sortField = query.sort?.field ?? 'id';
  const descending = query.sort?.direction === 'desc';
  const pages = await Promise.all(wheres.map((where) => findFiltered<T>(readStore, collection, { ...query, where }, keep)));
  const merged = pages.flatMap((p) => p.items).sort((a, b) => {
    const order = compareKeys(keyOf(a, sortField), keyOf(b, sortField)) || compareKeys(a.id, b.id);
    return descending ? -order : order;
  });
  const items = merged.slice(0, query.limit);
  const last = items.at(-1);
  const more = merged.length > query.limit || pages.some((p) => p.nextCursor !== null);
  return { items, nextCursor: more && last ? cursorAt(last, sortField, descending) : null };
}

const keyOf = (doc: Doc, field: string): FieldValue => (field === 'id' ? doc.id : fieldValue(doc, field));

/** The store's order: null first, then numbers, then text. */
function compareKeys(a: FieldValue, b: FieldValue): number {
  const rank = (v: FieldValue) => (v === null ? 0 : typeof v === 'string' ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a === null || b === null || a === b) return 0;
  return a < b ? -1 : 1;
}
