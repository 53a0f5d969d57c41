import type { Doc, FieldValue, FindQuery } from '../readstore/port.js';

type Where = NonNullable<FindQuery['where']>;

/**
 * In-memory evaluation of a `find` over documents a batch has staged but not committed, using the
 * order the stores use: null (or missing) first, then numbers (booleans as 0/1), then strings.
 */
export function matchesWhere(doc: Doc, where: Where | undefined): boolean {
  for (const [field, condition] of Object.entries(where ?? {})) {
    const value = fieldValue(doc, field);
    if (condition !== null && typeof condition === 'object') {
      if (value === null) return false;
      if (condition.gte !== undefined && compareValues(value, condition.gte) < 0) return false;
      if (condition.lte !== undefined && compareValues(value, condition.lte) > 0) return false;
    } else if (compareValues(value, condition) !== 0) {
      return false;
    }
  }
  return true;
}

/** Orders documents by the query's sort field, ties broken by id in the same direction. */
export function compareDocs(sort: FindQuery['sort']): (a: Doc, b: Doc) => number {
  const field = sort?.field ?? 'id';
  const sign = sort?.direction === 'desc' ? -1 : 1;
  return (a, b) => sign * (compareValues(fieldValue(a, field), fieldValue(b, field)) || compareValues(a.id, b.id));
}

function fieldValue(doc: Doc, path: string): FieldValue {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value === undefined || (value !== null && typeof value === 'object') ? null : (value as FieldValue);
}

function compareValues(a: FieldValue, b: FieldValue): number {
  const x = typeof a === 'boolean' ? Number(a) : a;
  const y = typeof b === 'boolean' ? Number(b) : b;
  const byRank = rank(x) - rank(y);
  if (byRank !== 0 || x === y) return byRank;
  return (x as number | string) < (y as number | string) ? -1 : 1;
}

const rank = (value: number | string | null): number => (value === null ? 0 : typeof value === 'string' ? 2 : 1);
