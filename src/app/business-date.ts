import { parseAcceptedDate } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';

/** The lender's time zone when none is configured (LENDCORE_TIMEZONE). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The business date (YYYY-MM-DD) at instant `now` in the lender's time zone. */
export function businessDateAt(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return zonedParts(now, timeZone).date;
}

/**
 * A command's date must be a real date in 1900–9999 (INVALID_DATE, 400) and never after the
 * business date (DATE_AFTER_BUSINESS_DATE, 422): nothing is recorded as happening tomorrow.
 */
export function requireOnOrBeforeBusinessDate(date: string, businessDate: string, field = 'date'): string {
  parseAcceptedDate(date, field);
  if (date > businessDate) {
    throw new DomainError('DATE_AFTER_BUSINESS_DATE', `${field} ${date} is after the business date ${businessDate}`, 'rule', { field, date, businessDate });
  }
  return date;
}

/**
 * An instant as the lender's wall clock reads it, for messages people read: "2026-12-01 02:47:13
 * Asia/Shanghai" for 2026-11-30T18:47:13.007Z (QA 11 S10: a UTC instant read as the day before).
 */
export function lenderTime(instant: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const { date, time } = zonedParts(new Date(instant), timeZone);
  return `${date} ${time.slice(0, 8)} ${timeZone}`;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of one whole second in one zone: the same for every command within that second. */
interface SecondParts {
  second: number;
  date: string;
  /** hh:mm:ss */
  clock: string;
  offset: string;
}

/** Per zone, the last second formatted: Intl's formatToParts costs more than the rest of a timestamp. */
const lastSecond = new Map<string, SecondParts>();

/** Wall-clock parts of `now` in `timeZone` and that zone's UTC offset then, as "+08:00". */
function zonedParts(now: Date, timeZone: string): { date: string; time: string; offset: string } {
  const second = Math.floor(now.getTime() / 1000);
  let parts = lastSecond.get(timeZone);
  if (parts?.second !== second) {
    parts = formatSecond(second, timeZone);
    lastSecond.set(timeZone, parts);
  }
  return { date: parts.date, time: `${parts.clock}.${String(now.getUTCMilliseconds()).padStart(3, '0')}`, offset: parts.offset };
}

function formatSecond(second: number, timeZone: string): SecondParts {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    partFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(second * 1000)).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const clock = `${parts.hour}:${parts.minute}:${parts.second}`;
  const localMs = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const minutes = Math.round((localMs - second * 1000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { second, date, clock, offset };
}

/**
 * Business time as an ISO-8601 instant in the lender's zone ("2026-11-30T04:07:29.123+08:00"):
 * on `date` (default today there) at the current wall-clock time. Its first ten characters are the
 * business date, and it is a real instant (not in the future for today), so time travel by instant
 * and read models by business date agree.
 */
export function businessTimestamp(now: Date, timeZone: string = DEFAULT_TIME_ZONE, date?: string): string {
  const local = zonedParts(now, timeZone);
  return `${date ?? local.date}T${local.time}${local.offset}`;
}

/** The last instant of business date `date` in the lender's zone: when close of business books that day. */
export function endOfBusinessDay(date: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const { offset } = zonedParts(new Date(`${date}T12:00:00Z`), timeZone);
  return `${date}T23:59:59.999${offset}`;
}
