import type { EventStore, IdempotencyRecord } from '../eventstore/port.js';
import type { CommandContext } from './command-context.js';

/**
 * Where an actor's Idempotency-Key is recorded: `<subject>:<key>`, so the same key from another
 * principal (officer, API client, borrower) is another request (Stripe; IETF
 * draft-ietf-httpapi-idempotency-key-header). The subject's own `%` and `:` are percent-escaped,
 * so the first `:` always ends it: subject `ulf` with key `x:k` and subject `ulf:x` with key `k`
 * are two records, not one (QA 12 Q7). A subject without `%` or `:` (account ids, the usual
 * provider subjects) keeps the record key it had before the escape, so no stored record moves.
 */
export const idempotencyRecordKey = (context: Pick<CommandContext, 'actor'>, key: string): string =>
  `${context.actor.sub.replaceAll('%', '%25').replaceAll(':', '%3A')}:${key}`;

/**
 * The record of the actor's Idempotency-Key `key`: the stored one, or, where it is gone, the one
 * the events recorded under the key still give (requestHash null). A retry is then answered with
 * the first result and never recorded twice (a deleted record let a retried application record again).
 */
export function findSeenRequest(store: EventStore, context: Pick<CommandContext, 'actor'>, key: string): Promise<IdempotencyRecord | null> {
  return store.findIdempotency(idempotencyRecordKey(context, key), { idempotencyKey: key, sub: context.actor.sub });
}

/** Whether `seen` answers the request hashed `hash`: the same hash, or a record rebuilt from the log, whose hash is unknown. */
export const answersRequest = (seen: IdempotencyRecord, hash: string | undefined): boolean =>
  seen.requestHash === null || seen.requestHash === hash;
