import type { FieldValue } from './port.js';
import { ReadStoreError } from './errors.js';

/** Where the previous page stopped: the sort field, its value and the id (keyset pagination). */
export interface CursorPosition {
  field: string;
  value: FieldValue;
  id: string;
}

/** Opaque to clients: base64url JSON, so it survives a query string unescaped. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.field, position.value, position.id])).toString('base64url');
}

/** Decodes a cursor made for `field`; throws INVALID_CURSOR for anything else. */
export function decodeCursor(cursor: string, field: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ReadStoreError('INVALID_CURSOR', 'cursor is not one this store issued');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new ReadStoreError('INVALID_CURSOR', 'cursor is not one this store issued');
  const [cursorField, value, id] = parsed as unknown[];
  if (cursorField !== field) throw new ReadStoreError('INVALID_CURSOR', `cursor was issued for a sort on ${String(cursorField)}, not ${field}`);
  if (typeof id !== 'string' || !isFieldValue(value)) throw new ReadStoreError('INVALID_CURSOR', 'cursor is not one this store issued');
  return { field, value, id };
}

function isFieldValue(value: unknown): value is FieldValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
