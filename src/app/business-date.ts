import { parseDate, yearOf } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';

/** The lender's time zone when none is configured (LENDCORE_TIMEZONE). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

/** The business date (YYYY-MM-DD) at instant `now` in the lender's time zone. */
export function businessDateAt(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(now);
}

/**
 * A command's date must be a real date in 1900–9999 (INVALID_DATE, 400) and never after the
 * business date (DATE_AFTER_BUSINESS_DATE, 422): nothing is recorded as happening tomorrow.
 */
export function requireOnOrBeforeBusinessDate(date: string, businessDate: string, field = 'date'): string {
  parseDate(date);
  const year = yearOf(date);
  if (year < 1900 || year > 9999) {
    throw new DomainError('INVALID_DATE', `${field} ${date} is outside the years 1900–9999`, 'invalid', { field, date });
  }
  if (date > businessDate) {
    throw new DomainError('DATE_AFTER_BUSINESS_DATE', `${field} ${date} is after the business date ${businessDate}`, 'rule', { field, date, businessDate });
  }
  return date;
}
