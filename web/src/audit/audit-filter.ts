/** GET /v1/audit's filters: stream id, actor sub, event type, recording time from/to (ISO instants). */
export interface AuditFilter {
  stream?: string;
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
}
