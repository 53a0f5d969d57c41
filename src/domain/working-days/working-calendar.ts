import { addDays, dayOfWeek } from '../calendar.js';
import { DomainError } from '../errors.js';
import type { NonWorkingDayRule } from '../product/events.js';

/**
 * The lender's working days as data (the domain does no I/O): Monday–Friday work, Saturday and
 * Sunday do not, except that `holidays` are days off whatever the weekday and `workingWeekends`
 * (调休, e.g. 2026-02-14 before the Spring Festival) are working days although they fall on a weekend.
 * The application builds it from the mainland China calendar and the lender's own holidays.
 */
export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
}

/** Weekends only: what a schedule uses when no calendar is given. */
export const WEEKENDS_ONLY: WorkingCalendar = { holidays: new Set(), workingWeekends: new Set() };

// The longest run of days off on the China calendar is 9 (Spring Festival with its weekends); a
// search past this many days means the calendar data is wrong, not that the date should drift.
const MAX_SHIFT_DAYS = 31;

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.workingWeekends.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return dayOfWeek(date) <= 5;
}

/**
 * The due date after the product's rule: unchanged for 'keep' or a working day, else the next or
 * previous working day. Throws NO_WORKING_DAY when none lies within a month (a broken calendar).
 */
export function adjustDueDate(date: string, rule: NonWorkingDayRule, calendar: WorkingCalendar): string {
  if (rule === 'keep' || isWorkingDay(date, calendar)) return date;
  const step = rule === 'next-working-day' ? 1 : -1;
  for (let shift = 1; shift <= MAX_SHIFT_DAYS; shift++) {
    const candidate = addDays(date, step * shift);
    if (isWorkingDay(candidate, calendar)) return candidate;
  }
  throw new DomainError('NO_WORKING_DAY', `No working day within ${MAX_SHIFT_DAYS} days of ${date}`, 'rule', { date });
}
