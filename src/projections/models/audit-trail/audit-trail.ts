import { toAuditEntry, type AuditEntry as Envelope } from '../../../eventstore/audit-entry.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Doc } from '../../../readstore/port.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { ALL_EVENT_TYPES } from '../event-types.js';

export const AUDIT_TRAIL = 'audit_trail';

/** The trail's document: the event's envelope (src/eventstore/audit-entry.ts). */
export type AuditEntry = Envelope & Doc;

function recordEvent(event: RecordedEvent, ctx: ProjectionContext): void {
  ctx.put(AUDIT_TRAIL, toAuditEntry(event));
}

/**
 * Every catalog event, one document each, queryable by stream, actor, type and time range: the
 * audit trail where the log cannot answer those queries itself. A SQLite log can (see
 * src/eventstore/sqlite-audit-index.ts), so over one this projection is not run (projectionsFor).
 */
export const auditTrailProjection: Projection = {
  name: 'audit-trail',
  version: 1,
  collections: [{ name: AUDIT_TRAIL, indexes: ['streamId', 'actorSub', 'type', 'recordedAt', 'occurredAt'] }],
  handlers: Object.fromEntries(ALL_EVENT_TYPES.map((type) => [type, recordEvent])),
};
