import type { Document, Filter, Sort } from 'mongodb';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor.js';
import { ReadStoreError } from './errors.js';
import type { FieldValue, FindQuery } from './port.js';

/** A stored read-model document: the port's `id` is Mongo's `_id`. */
export interface StoredDoc extends Document {
  _id: string;
}

/** A `find` as a Mongo filter, sort and limit that page by keyset on (sortField, _id). */
export interface MongoFind {
  filter: Filter<StoredDoc>;
  sort: Sort;
  sortField: string;
  descending: boolean;
  limit: number | null;
}

/** Translates a port query; throws UNDECLARED_FIELD for a field that is not a declared index. */
export function toMongoFind(collection: string, declared: Set<string>, query: FindQuery): MongoFind {
  const clauses: Filter<StoredDoc>[] = [];
  for (const [field, condition] of Object.entries(query.where ?? {})) {
    clauses.push(whereClause(mongoField(checkDeclared(collection, declared, field)), condition));
  }
  const sortField = checkDeclared(collection, declared, query.sort?.field ?? 'id');
  const ascending = query.sort?.direction !== 'desc';
  if (query.cursor) clauses.push(afterPosition(decodeCursor(query.cursor, sortField, !ascending), ascending));
  const order = ascending ? 1 : -1;
  const sort: Sort = sortField === 'id' ? { _id: order } : { [sortField]: order, _id: order };
  const limit = query.limit === undefined ? null : checkedLimit(query.limit);
  return { filter: clauses.length === 0 ? {} : { $and: clauses }, sort, sortField, descending: !ascending, limit };
}

/** The cursor that resumes after `doc` in a find sorted on `sortField` in that direction. */
export function cursorAfter(doc: StoredDoc, sortField: string, descending: boolean): string {
  const value = sortField === 'id' ? doc._id : fieldValue(doc, sortField);
  return encodeCursor({ field: sortField, descending, value, id: doc._id });
}

/** `id` is `_id` in storage; every other field keeps its (possibly dotted) path. */
function mongoField(field: string): string {
  return field === 'id' ? '_id' : field;
}

function checkDeclared(collection: string, declared: Set<string>, field: string): string {
  if (!declared.has(field)) throw new ReadStoreError('UNDECLARED_FIELD', `${field} is not a declared index of ${collection}`);
  return field;
}

// Same refusal (and code) as the SQLite store, so both engines answer a bad limit alike.
function checkedLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new ReadStoreError('INVALID_QUERY', `limit must be a positive integer, got ${limit}`);
  return limit;
}

function whereClause(field: string, condition: FieldValue | { gte?: FieldValue; lte?: FieldValue }): Filter<StoredDoc> {
  if (condition === null || typeof condition !== 'object') return { [field]: condition };
  const range: Document = {};
  if (condition.gte !== undefined) range.$gte = condition.gte;
  if (condition.lte !== undefined) range.$lte = condition.lte;
  return { [field]: range };
}

/**
 * Strictly after the cursor in (sortField, _id) order. Nulls sort first ascending and last
 * descending (as in SQLite), and `$gt: null` matches nothing in Mongo (type bracketing), so nulls
 * get their own clauses.
 */
function afterPosition(after: CursorPosition, ascending: boolean): Filter<StoredDoc> {
  const later = ascending ? '$gt' : '$lt';
  if (after.field === 'id') return { _id: { [later]: after.id } };
  const field = mongoField(after.field);
  const sameValueLaterId = { [field]: after.value, _id: { [later]: after.id } };
  if (after.value === null) return ascending ? { $or: [{ [field]: { $ne: null } }, sameValueLaterId] } : sameValueLaterId;
  const clauses: Filter<StoredDoc>[] = [{ [field]: { [later]: after.value } }, sameValueLaterId];
  if (!ascending) clauses.push({ [field]: null });
  return { $or: clauses };
}

function fieldValue(doc: Document, path: string): FieldValue {
  let value: unknown = doc;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Document)[key] : undefined;
  return value === undefined ? null : (value as FieldValue);
}
