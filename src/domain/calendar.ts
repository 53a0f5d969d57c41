import { DomainError } from './errors.js';
import type { Frequency } from './product/events.js';

/**
 * Business dates are `YYYY-MM-DD` strings with no time zone: a due date is a day, not an
 * instant. Arithmetic goes through a day number (days since 1970-01-01) computed with
 * integer civil-calendar formulas, so no Date object or host time zone is involved.
 */
interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The value of the ASCII digits of `s` in [from, to), or -1 when any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 365 or 366. */
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parts(s: string): CivilDate | null {
  // Read by character, not by regular expression: dates are parsed on every row of every loan a close visits.
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function must(s: string): CivilDate {
  const p = parts(s);
  if (!p) throw new DomainError('INVALID_DATE', `"${s}" is not a valid YYYY-MM-DD date`, 'invalid', { date: s });
  return p;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function format({ year, month, day }: CivilDate): string {
  return `${year >= 1000 ? String(year) : String(year).padStart(4, '0')}-${TWO_DIGITS[month] as string}-${TWO_DIGITS[day] as string}`;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
function toDayNumber({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True only for a real calendar day written as YYYY-MM-DD (so 2026-02-30 is false). */
export function isValidDate(s: string): boolean {
  return parts(s) !== null;
}

/**
 * The years a date lendcore records or answers for may fall in: 1900–9999. A date outside them is
 * a slip of the keyboard (1026 for 2026), not a business fact, and a report as of one would answer
 * an empty book as if it were true (the CBIRC's loan records and every schedule here start far later).
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

/**
 * Why `s` is not a date lendcore accepts from outside, or null when it is: "is not a real
 * YYYY-MM-DD date" (2026-02-30) or "is outside the years 1900–9999". The sentence has no subject:
 * callers put the field's name (or the date) before it.
 */
export function dateRefusal(s: string): string | null {
  const p = parts(s);
  if (!p) return 'is not a real YYYY-MM-DD date';
  return p.year < FIRST_YEAR ? `is outside the years ${FIRST_YEAR}–${LAST_YEAR}` : null;
}

/** Returns `s` unchanged if it is a date in 1900–9999 (`dateRefusal`); throws INVALID_DATE (kind invalid) naming `field` otherwise. */
export function parseAcceptedDate(s: string, field = 'date'): string {
  const refusal = dateRefusal(s);
  if (refusal) throw new DomainError('INVALID_DATE', `${field} ${s} ${refusal}`, 'invalid', { field, date: s });
  return s;
}

/** Returns `s` unchanged if it is a valid date; throws INVALID_DATE otherwise. */
export function parseDate(s: string): string {
  must(s);
  return s;
}

/** The year of a valid date. */
export function yearOf(d: string): number {
  return must(d).year;
}

export function addDays(d: string, n: number): string {
  return format(fromDayNumber(toDayNumber(must(d)) + n));
}

/** `n` months after the anchor, clamped to month end: Jan 31 +1 → Feb 28/29, +2 → Mar 31 (always from the anchor). */
export function addMonthsClamped(anchor: string, n: number): string {
  const { year, month, day } = must(anchor);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** ISO day of the week: 1 Monday … 6 Saturday, 7 Sunday (1970-01-01 was a Thursday). */
export function dayOfWeek(d: string): number {
  return ((((toDayNumber(must(d)) + 3) % 7) + 7) % 7) + 1;
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(must(b)) - toDayNumber(must(a));
}

export function isMonthEnd(d: string): boolean {
  const { year, month, day } = must(d);
  return day === daysInMonth(year, month);
}

export function endOfMonth(d: string): string {
  const { year, month } = must(d);
  return format({ year, month, day: daysInMonth(year, month) });
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: string, b: string): number {
  return Math.sign(daysBetween(b, a));
}

/** A date's day for 30/360 with a month-end anchor: a month end short of the anchor's day counts as that day (at most 30). */
function anchoredDay(date: CivilDate, text: string, anchor: CivilDate): number {
  return isMonthEnd(text) && date.day < anchor.day ? Math.min(anchor.day, 30) : date.day;
}

/**
 * Days from a to b under 30/360 US (NASD): day 31 counts as 30 when it starts a span, and when it
 * ends one that starts on the 30th or 31st.
 *
 * With `anchor` (the date a loan's due dates are counted from: its disbursement, or its first
 * repayment date) the end-of-month rule follows the anchor: a month end that is short of the
 * anchor's day — a due date clamped into February, or April 30 for a loan anchored on the 31st —
 * counts as the anchor's day (at most 30), so every whole month between due dates is 30 days. A
 * loan anchored on the 28th or earlier never uses the February rule: 2025-02-28 → 03-28 is 30.
 *
 * Without an anchor the classic NASD February rule applies to every span (a start on February's
 * last day counts as 30, and so does an end on it when both are). Schedules, accruals and payoff
 * pass the anchor (see `dayCountDays` in day-count.ts).
 */
export function days360(a: string, b: string, anchor?: string): number {
  const from = must(a);
  const to = must(b);
  let d1 = from.day;
  let d2 = to.day;
  if (anchor === undefined) {
    const fromFebEnd = from.month === 2 && isMonthEnd(a);
    if (fromFebEnd && to.month === 2 && isMonthEnd(b)) d2 = 30;
    if (fromFebEnd) d1 = 30;
  } else {
    const anchorDate = must(anchor);
    d1 = anchoredDay(from, a, anchorDate);
    d2 = anchoredDay(to, b, anchorDate);
  }
  if (d2 === 31 && d1 >= 30) d2 = 30;
  if (d1 === 31) d1 = 30;
  return 360 * (to.year - from.year) + 30 * (to.month - from.month) + (d2 - d1);
}

const DAYS_PER_PERIOD: Readonly<Record<Exclude<Frequency, 'monthly'>, number>> = { biweekly: 14, weekly: 7 };

/** Due date of installment `n` (1-based) counted from the start date; monthly dates are month-end safe. */
export function dueDate(start: string, frequency: Frequency, n: number): string {
  if (frequency === 'monthly') return addMonthsClamped(start, n);
  return addDays(start, DAYS_PER_PERIOD[frequency] * n);
}
