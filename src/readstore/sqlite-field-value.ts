import type { Doc } from './port.js';
import type { SqlValue } from './sqlite-query.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value a field column holds for a document: what `json_extract(doc, '$.<field>')` gives for
 * the stored JSON text (strings as text, numbers, booleans as 1/0, objects and arrays as JSON
 * text, anything missing as NULL), read from the object instead of re-parsing the text.
 */
export function fieldValue(doc: Doc, field: string): SqlValue {
  let value: unknown = doc;
  for (const key of field.split('.')) {
    // Own keys of plain objects only, as in the JSON: never `length` of an array or an inherited name.
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return null;
    value = value[key];
  }
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      // JSON.stringify writes NaN and ±Infinity as null, and -0 as 0.
      if (!Number.isFinite(value)) return null;
      return value === 0 ? 0 : value;
    case 'boolean':
      return value ? 1 : 0;
    case 'object':
      return value === null ? null : JSON.stringify(value);
    default:
      // undefined and functions are left out of the JSON text.
      return null;
  }
}
