import type { AuditFilter } from './api';

/** The audit search's filters as they stand in the page's query string. */
const NAMES = ['stream', 'actor', 'type', 'from', 'to'] as const;

/** The filters the query string holds (what a reload, the back button or a shared link bring back); the server checks them. */
export function auditFilterOf(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const name of NAMES) {
    const value = params.get(name)?.trim();
    if (value) filter[name] = value;
  }
  return filter;
}

/** Writes `filter` into `params` in place of the filters there. */
export function writeAuditFilter(params: URLSearchParams, filter: AuditFilter): void {
  for (const name of NAMES) {
    const value = filter[name];
    if (value) params.set(name, value);
    else params.delete(name);
  }
}
