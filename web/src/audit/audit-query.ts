import dayjs, { type Dayjs } from 'dayjs';
import { instantOfWallClock, wallClockOf } from '../shell/lender-time.js';
import type { AuditFilter } from './audit-filter.js';

/** The audit form's fields: text filters and the recording period as picked (wall-clock times). */
export interface AuditFormValues {
  stream?: string;
  actor?: string;
  type?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const text = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);
const WALL = 'YYYY-MM-DDTHH:mm:ss.SSS';

/**
 * The form's filters as the route takes them. A time picked is read on the lender's clock (`timeZone`), the one the
 * list shows recording times on, whatever the browser's zone: before, "from 2026-12-04 01:38" in a browser in
 * California asked for 09:38 UTC and missed the events the list showed at 01:38. Both ends take in the whole second shown.
 */
export function auditFilterOfForm(v: AuditFormValues, timeZone: string): AuditFilter {
  const at = (time: Dayjs | null | undefined) => (time ? instantOfWallClock(time.format(WALL), timeZone) ?? undefined : undefined);
  return { stream: text(v.stream), actor: text(v.actor), type: text(v.type), from: at(v.from?.startOf('second')), to: at(v.to?.endOf('second')) };
}

/** A filter's time (an ISO instant) as the picker shows it: on the lender's clock; none for one that is no instant. */
export function pickedTime(iso: string | undefined, timeZone: string): Dayjs | undefined {
  const wall = iso === undefined ? null : wallClockOf(iso, timeZone);
  // No offset in `wall`: dayjs reads it as the browser's wall clock, which is what the picker shows.
  return wall === null ? undefined : dayjs(wall);
}

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
