import type { FieldValue, FindQuery } from './port.js';
import { decodeCursor } from './cursor.js';
import { ReadStoreError } from './errors.js';
import { fieldColumn, tableName } from './sqlite-schema.js';

export type SqlValue = string | number | null;

/** A `find` turned into one keyset-paged SELECT; every name in it was checked against `declared`. */
export interface FindSql {
  sql: string;
  params: SqlValue[];
  sortField: string;
  descending: boolean;
  limit: number | null;
}

/** Builds the SELECT for a find; throws UNDECLARED_FIELD before any unchecked name reaches SQL. */
export function buildFindSql(collection: string, declared: Set<string>, query: FindQuery): FindSql {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  for (const [field, condition] of Object.entries(query.where ?? {})) {
    const column = checkedColumn(collection, declared, field);
    if (condition !== null && typeof condition === 'object') {
      if (condition.gte !== undefined) {
        conditions.push(`${column} >= ?`);
        params.push(toSql(condition.gte));
      }
      if (condition.lte !== undefined) {
        conditions.push(`${column} <= ?`);
        params.push(toSql(condition.lte));
      }
    } else if (condition === null) {
      conditions.push(`${column} IS NULL`);
    } else {
      conditions.push(`${column} = ?`);
      params.push(toSql(condition));
    }
  }
  const sortField = query.sort?.field ?? 'id';
  const sortColumn = checkedColumn(collection, declared, sortField);
  const descending = query.sort?.direction === 'desc';
  if (query.cursor) {
    const after = decodeCursor(query.cursor, sortField, descending);
    const keyset = keysetCondition(sortColumn, after.value, descending);
    conditions.push(keyset.sql);
    params.push(...keyset.params, after.id);
  }
  const limit = query.limit === undefined ? null : checkedLimit(query.limit);
  const direction = descending ? 'DESC' : 'ASC';
  const sql =
    `SELECT doc, ${sortColumn} AS sort_key, id FROM ${tableName(collection)}` +
    (conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '') +
    ` ORDER BY ${sortColumn} ${direction}, id ${direction}` +
    (limit === null ? '' : ' LIMIT ?');
  // One row past the page says whether a next page exists.
  if (limit !== null) params.push(limit + 1);
  return { sql, params, sortField, descending, limit };
}

function checkedColumn(collection: string, declared: Set<string>, field: string): string {
  if (!declared.has(field)) {
    throw new ReadStoreError('UNDECLARED_FIELD', `${field} is not a declared index of ${collection}`);
  }
  return fieldColumn(field);
}

function checkedLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new ReadStoreError('INVALID_QUERY', `limit must be a positive integer, got ${limit}`);
  return limit;
}

// SQLite orders NULL first, then numbers, then text; the keyset condition follows that order and
// ends with `id ? ?` (the id parameter is appended by the caller).
function keysetCondition(column: string, value: FieldValue, descending: boolean): { sql: string; params: SqlValue[] } {
  if (value === null) {
    return descending
      ? { sql: `(${column} IS NULL AND id < ?)`, params: [] }
      : { sql: `(${column} IS NOT NULL OR id > ?)`, params: [] };
  }
  const v = toSql(value);
  return descending
    ? { sql: `(${column} < ? OR ${column} IS NULL OR (${column} = ? AND id < ?))`, params: [v, v] }
    : { sql: `(${column} > ? OR (${column} = ? AND id > ?))`, params: [v, v] };
}

/** json_extract yields 1/0 for JSON booleans, so booleans are compared as integers. */
export function toSql(value: FieldValue): SqlValue {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
