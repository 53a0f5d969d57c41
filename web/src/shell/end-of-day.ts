/**
 * The last millisecond of a calendar day in a time zone, as an ISO-8601 instant with that zone's offset
 * (`2026-11-20` in Asia/Shanghai → `2026-11-20T23:59:59.999+08:00`): what GET /v1/loans/:id/state?asOf=
 * needs to fold every event whose business time falls on or before that day where the lender works.
 * The offset is the zone's at that moment (Intl's `longOffset`, `GMT+08:00`; UTC, `GMT` or `GMT+00:00` by engine, as `Z`).
 */
export function endOfDayIn(date: string, timeZone: string): string {
  const guess = new Date(`${date}T23:59:59.999Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = ['', '+00:00', '-00:00'].includes(name.slice(3)) ? 'Z' : name.slice(3);
  return `${date}T23:59:59.999${offset}`;
}
