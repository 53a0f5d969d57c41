import { HttpError } from '../../http-error.js';

const PREFIX = 'rev:';

/** An opaque cursor over answers read from a stream: the revision of the last item returned. */
export function encodeRevisionCursor(revision: string): string {
  return Buffer.from(`${PREFIX}${revision}`).toString('base64url');
}

/** The revision a cursor names; 400 INVALID_CURSOR for anything this API did not issue. */
export function decodeRevisionCursor(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || !/^\d{1,20}$/.test(text.slice(PREFIX.length))) {
    throw new HttpError(400, 'INVALID_CURSOR', 'cursor is not one this API issued');
  }
  return BigInt(text.slice(PREFIX.length));
}
