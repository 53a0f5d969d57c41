import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { Page } from '../search/api';

/** One GET /v1/audit entry (the AuditEntry schema of /openapi.json): an event's envelope, never its data. */
export interface AuditEntry {
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
}

/** The route's filters: stream id, actor sub, event type, recording time from/to (ISO instants). */
export interface AuditFilter {
  stream?: string;
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
}

/** GET /v1/audit with the filters and a cursor; the server orders (recording order) and pages. */
export function useAudit(filter: AuditFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['audit', filter, cursor],
    queryFn: () => getJson<Page<AuditEntry>>('/v1/audit', { ...filter, cursor, limit: 50 }),
    placeholderData: (previous) => previous,
  });
}

/** The loan a stream belongs to (`loan-<id>`), for the link to its timeline; null for other streams. */
export function loanOfStream(streamId: string): string | null {
  return streamId.startsWith('loan-') ? streamId.slice('loan-'.length) : null;
}
