import type { ValueDatePosition } from '../../../app/queries/value-date-order.js';
import { HttpError } from '../../http-error.js';

const PREFIX = 'vd:';
const SHAPE = /^(\d{4}-\d{2}-\d{2})\|(\d{1,20})$/;

/** An opaque cursor over a loan's money movements in value-date order: the position of the last item returned. */
export function encodeValueDateCursor({ date, revision }: ValueDatePosition): string {
  return Buffer.from(`${PREFIX}${date}|${revision}`).toString('base64url');
}

/** The position a cursor names; 400 INVALID_CURSOR for anything this API did not issue. */
export function decodeValueDateCursor(cursor: string): ValueDatePosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = text.startsWith(PREFIX) ? SHAPE.exec(text.slice(PREFIX.length)) : null;
  if (!match?.[1] || !match[2]) throw new HttpError(400, 'INVALID_CURSOR', 'cursor is not one this API issued');
  return { date: match[1], revision: match[2] };
}
