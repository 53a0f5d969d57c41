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

/**
 * The entity ids (each once) of the `category` streams of `events` (only those of `types`, when
 * given): what a projection's prefetch reads. An event on another stream is left to its handler.
 */
export function entityIdsOf(events: readonly RecordedEvent[], category: StreamCategory, types?: ReadonlySet<string>): string[] {
  const prefix = `${category}-`;
  const ids = new Set<string>();
  for (const event of events) {
    if ((types === undefined || types.has(event.type)) && event.streamId.startsWith(prefix) && event.streamId.length > prefix.length) ids.add(event.streamId.slice(prefix.length));
  }
  return [...ids];
}
