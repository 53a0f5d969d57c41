import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Doc } from '../../../readstore/port.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { ALL_EVENT_TYPES } from '../event-types.js';

export const AUDIT_TRAIL = 'audit_trail';

/** One event's envelope, for compliance: who did what, when, in which chain link. Payloads stay in the log. */
export interface AuditEntry extends Doc {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  /** bigint revision and position cross JSON as decimal strings. */
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
}

/** The audit entry of an event; id = eventId, so replaying an event rewrites the same document. */
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

function recordEvent(event: RecordedEvent, ctx: ProjectionContext): void {
  ctx.put(AUDIT_TRAIL, toAuditEntry(event));
}

/** Every catalog event, one document each, queryable by stream, actor, type and time range. */
export const auditTrailProjection: Projection = {
  name: 'audit-trail',
  version: 1,
  collections: [{ name: AUDIT_TRAIL, indexes: ['streamId', 'actorSub', 'type', 'recordedAt', 'occurredAt'] }],
  handlers: Object.fromEntries(ALL_EVENT_TYPES.map((type) => [type, recordEvent])),
};
