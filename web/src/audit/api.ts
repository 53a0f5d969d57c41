import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { ApiResponse, Schema } from '../api/schema';
import type { AuditFilter } from './audit-filter';

/** One GET /v1/audit entry (the AuditEntry schema of /openapi.json): an event's envelope, never its data. */
export type AuditEntry = Schema<'AuditEntry'>;

export type { AuditFilter } from './audit-filter';

/** GET /v1/audit with the filters and a cursor; the server orders (recording order) and pages. */
export function useAudit(filter: AuditFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['audit', filter, cursor],
    queryFn: () => getJson<ApiResponse<'audit.list'>>('/v1/audit', { ...filter, cursor, limit: 50 }),
    placeholderData: (previous) => previous,
  });
}

/** The loan a stream belongs to (`loan-<id>`), for the link to its timeline; null for other streams. */
export function loanOfStream(streamId: string): string | null {
  return streamId.startsWith('loan-') ? streamId.slice('loan-'.length) : null;
}
