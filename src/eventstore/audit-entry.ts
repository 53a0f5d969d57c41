import type { RecordedEvent } from './port.js';

/**
 * One event's envelope, for compliance: who did what, when, in which chain link (DESIGN.md "Read
 * models": the audit trail). Payloads stay in the log. `id` = eventId; bigint revision and position
 * cross JSON as decimal strings.
 */
// A type alias, not an interface, so read stores take it as a document (Doc has an index signature).
export type AuditEntry = {
  id: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: string;
  position: string;
  occurredAt: string;
  recordedAt: string;
  actorSub: string;
  actorRole: string;
  actorCustomerId: string | null;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
  prevHash: string;
  hash: string;
};

/** The audit entry of a recorded event. */
export function toAuditEntry(event: RecordedEvent): AuditEntry {
  return {
    id: event.eventId,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    revision: event.revision.toString(),
    position: event.position.toString(),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actorSub: event.actor.sub,
    actorRole: event.actor.role,
    actorCustomerId: event.actor.customerId ?? null,
    correlationId: event.correlationId,
    causationId: event.causationId,
    idempotencyKey: event.idempotencyKey,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
