import type { EventStore } from '../../eventstore/port.js';
import { SqliteEventStore } from '../../eventstore/sqlite-event-store.js';
import { AUDIT_TRAIL, type AuditEntry } from '../../projections/models/audit-trail/audit-trail.js';
import type { FindQuery, Page, ReadStore } from '../../readstore/port.js';

export interface AuditFilter {
  streamId?: string;
  actor?: string;
  type?: string;
  /** Recording time window (ISO-8601), both ends inclusive. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** Where the audit trail is read: the SQLite log itself (indexed for it), else the audit-trail read model. */
export interface AuditSource {
  /** The audit-trail projection to wait on for read-your-writes; null when the log answers (always current). */
  projection: string | null;
  find(filter: AuditFilter): Promise<Page<AuditEntry>>;
}

/** The SQLite log answers audit queries itself; other logs (EventStoreDB) have the audit-trail read model. */
export function auditSource(eventStore: EventStore, readStore: ReadStore): AuditSource {
  if (eventStore instanceof SqliteEventStore) return { projection: null, find: async (filter) => eventStore.findAudit(filter) };
  return { projection: 'audit-trail', find: (filter) => findAuditEntries(readStore, filter) };
}

/**
 * One page of the audit-trail read model in recording order, filtered on the trail's indexed fields. Pages
 * follow `recordedAt`; events recorded in the same millisecond (one group commit) are put back in
 * log order within the page, since the trail has no sortable position index.
 */
export async function findAuditEntries(readStore: ReadStore, filter: AuditFilter): Promise<Page<AuditEntry>> {
  const where: NonNullable<FindQuery['where']> = {};
  if (filter.streamId !== undefined) where.streamId = filter.streamId;
  if (filter.actor !== undefined) where.actorSub = filter.actor;
  if (filter.type !== undefined) where.type = filter.type;
  if (filter.from !== undefined || filter.to !== undefined) {
    where.recordedAt = { ...(filter.from !== undefined ? { gte: filter.from } : {}), ...(filter.to !== undefined ? { lte: filter.to } : {}) };
  }
  const page = await readStore.find<AuditEntry>(AUDIT_TRAIL, { where, sort: { field: 'recordedAt', direction: 'asc' }, limit: filter.limit, cursor: filter.cursor ?? null });
  const byPosition = (a: AuditEntry, b: AuditEntry) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1);
  return { items: page.items.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || byPosition(a, b)), nextCursor: page.nextCursor };
}
