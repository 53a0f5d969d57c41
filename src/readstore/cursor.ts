import type { FieldValue } from './port.js';
import { ReadStoreError } from './errors.js';

/** Where the previous page stopped: the sort (field and direction), its value and the id (keyset pagination). */
export interface CursorPosition {
  field: string;
  descending: boolean;
  value: FieldValue;
  id: string;
}

/** The sort as a list names it: the field, `-` first when descending. */
const sortName = (field: string, descending: boolean): string => (descending ? `-${field}` : field);

/** Opaque to clients: base64url JSON, so it survives a query string unescaped. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([sortName(position.field, position.descending), position.value, position.id])).toString('base64url');
}

/**
 * Decodes a cursor made for the sort on `field` in this direction; throws INVALID_CURSOR for
 * anything else, a cursor of the other direction included (its position would page nowhere).
 */
export function decodeCursor(cursor: string, field: string, descending: boolean): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ReadStoreError('INVALID_CURSOR', 'cursor is not one this store issued');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new ReadStoreError('INVALID_CURSOR', 'cursor is not one this store issued');
  const [issuedFor, value, id] = parsed as unknown[];
  const asked = sortName(field, descending);
  if (issuedFor !== asked) throw new ReadStoreError('INVALID_CURSOR', `cursor was issued for another sort (${String(issuedFor)}, not ${asked}); page with the sort and filters it came with, or start again without a cursor`);
  if (typeof id !== 'string' || !isFieldValue(value)) throw new ReadStoreError('INVALID_CURSOR', 'cursor is not one this store issued');
  return { field, descending, value, id };
}

function isFieldValue(value: unknown): value is FieldValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
