import type { RecordedEvent } from '../../eventstore/port.js';

export type StreamCategory = 'loan' | 'customer' | 'product' | 'payment';

/** The entity id of an event's stream (`loan-42` → `42`); throws when the stream is of another category. */
export function entityIdOf(event: RecordedEvent, category: StreamCategory): string {
  const prefix = `${category}-`;
  if (!event.streamId.startsWith(prefix) || event.streamId.length === prefix.length) {
    throw new Error(`${event.type} ${event.eventId} arrived on stream "${event.streamId}", expected a ${category} stream`);
  }
  return event.streamId.slice(prefix.length);
}

/** The business date (YYYY-MM-DD) an event happened on, from its `occurredAt`. */
export function businessDateOf(event: RecordedEvent): string {
  return event.occurredAt.slice(0, 10);
}
