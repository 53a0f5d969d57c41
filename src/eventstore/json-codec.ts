import { DomainError } from '../domain/errors.js';
import type { RecordedEvent } from './port.js';

/**
 * Positions and revisions are bigint (a log can outgrow 2^53, and the ESDB client uses bigint),
 * and a JSON number above 2^53 loses digits in every JavaScript client. So they cross JSON as
 * decimal strings ("9007199254740993"), and clients send them back the same way.
 */
export type Jsonified<T> = T extends bigint
  ? string
  : T extends (infer I)[]
    ? Jsonified<I>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** JSON.stringify that writes every bigint as a decimal string instead of throwing. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A recorded event ready for a JSON response: revision and position as decimal strings. */
export function recordedEventToJson<D>(event: RecordedEvent<D>): Jsonified<RecordedEvent<D>> {
  return JSON.parse(encodeJson(event)) as Jsonified<RecordedEvent<D>>;
}

/** Reads a position or revision sent as a decimal string; anything else is invalid input. */
export function bigintFromJson(text: string, field: string): bigint {
  if (!/^(0|[1-9][0-9]*)$/.test(text)) {
    throw new DomainError('INVALID_BIGINT', `${field} must be a non-negative decimal integer string`, 'invalid', { field });
  }
  return BigInt(text);
}
