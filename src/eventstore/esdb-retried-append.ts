import { DomainError } from '../domain/errors.js';
import type { AppendResult, NewEvent, RecordedEvent } from './port.js';

/**
 * How far back a retried append is looked for. ESDB cannot look an event up by id, so a batch
 * whose first write is more than this many events behind the head is no longer recognised (its
 * retry then meets the usual expected-revision check).
 */
export const RETRY_LOOKBACK = 64;

/**
 * The first result when every event id of the batch is among the stream's recent events (a
 * retried append), null when none is; as in the SQLite store, a partial match is refused.
 */
export function findRetriedAppend(streamId: string, events: NewEvent[], recent: RecordedEvent[]): AppendResult | null {
  const byId = new Map(recent.map((event) => [event.eventId, event]));
  const found = events.flatMap((event) => {
    const stored = event.eventId === undefined ? undefined : byId.get(event.eventId);
    return stored === undefined ? [] : [stored];
  });
  if (found.length === 0) return null;
  if (found.length !== events.length) {
    throw new DomainError('EVENT_ID_REUSED', `append to ${streamId}: some event ids are already stored for other events`, 'conflict', {
      eventIds: found.map((event) => event.eventId),
    });
  }
  const last = found[found.length - 1]!;
  return { streamId, revision: last.revision, position: last.position, events: found };
}
