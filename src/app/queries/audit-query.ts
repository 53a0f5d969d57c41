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

/**
 * One page of the audit trail in recording order, filtered on the trail's indexed fields. Pages
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
