/**
 * Wall-clock times in the lender's time zone and the instants they name, with Intl only (no time-zone
 * tables in the bundle): the audit filter takes a time as the console shows it — `YYYY-MM-DD HH:mm:ss`
 * where the lender works (format.ts `instant`) — not on the browser's clock.
 */
const WALL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?$/;

/** The wall clock of `at` in `timeZone` as milliseconds since the epoch read as if it were UTC. */
function wallMillis(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) + (at % 1000 + 1000) % 1000;
}

/**
 * The instant (ISO, UTC) at which the clocks of `timeZone` show `wall` (`YYYY-MM-DD HH:mm:ss[.SSS]`, `T` or a space
 * between): `2026-12-04 00:00:00` in Asia/Shanghai → `2026-12-03T16:00:00.000Z`. Null for a value of another shape.
 */
export function instantOfWallClock(wall: string, timeZone: string): string | null {
  const m = WALL.exec(wall);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms ?? 0));
  // The zone's offset at the guess, then at the corrected instant (they differ only across a change of offset).
  let at = asUtc - (wallMillis(asUtc, timeZone) - asUtc);
  at = asUtc - (wallMillis(at, timeZone) - at);
  return new Date(at).toISOString();
}

/** What the clocks of `timeZone` show at instant `iso`, as `YYYY-MM-DDTHH:mm:ss.SSS` (no offset); null for no instant. */
export function wallClockOf(iso: string, timeZone: string): string | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  return new Date(wallMillis(at, timeZone)).toISOString().slice(0, 23);
}
