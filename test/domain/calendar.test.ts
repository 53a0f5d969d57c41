import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, addMonthsClamped, compareDates, days360, daysBetween, daysInYear, dueDate, endOfMonth,
  dateRefusal, isMonthEnd, isValidDate, parseAcceptedDate, parseDate, yearOf,
} from '../../src/domain/calendar.js';
import { DomainError } from '../../src/domain/errors.js';

describe('calendar', () => {
  it('validates real calendar days only', () => {
    expect(['2026-01-31', '2024-02-29', '2000-02-29', '0001-01-01'].every(isValidDate)).toBe(true);
    expect(['2026-02-30', '2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '2026-01-01T00:00', ' 2026-01-01', '0000-01-01'].some(isValidDate)).toBe(false);
  });

  it('reads a date exactly as the Gregorian calendar does, whatever the text (agrees with Date.UTC over random strings and days)', () => {
    const viaUtc = (s: string): boolean => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
      const [y, m, d] = s.split('-').map(Number) as [number, number, number];
      const t = new Date(0);
      t.setUTCFullYear(y, m - 1, d);
      return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
    };
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-/ x２'), minLength: 8, maxLength: 11 }), (s) => {
      expect(isValidDate(s), s).toBe(viaUtc(s));
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), fc.integer({ min: -5000, max: 5000 }), (day, n) => {
      const iso = (k: number) => new Date(k * 86_400_000).toISOString().slice(0, 10);
      expect(isValidDate(iso(day))).toBe(true);
      expect(addDays(iso(day), n)).toBe(iso(day + n));
      expect(daysBetween(iso(day), iso(day + n))).toBe(n);
    }), { numRuns: 3000 });
  });

  it('parseDate returns the date or throws INVALID_DATE (kind invalid)', () => {
    expect(parseDate('2026-03-15')).toBe('2026-03-15');
    expect(() => parseDate('2026-02-30')).toThrow(DomainError);
    expect(() => parseDate('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE', kind: 'invalid' }));
    expect(() => addDays('nope', 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('accepts from outside real dates in 1900–9999 only (dateRefusal, parseAcceptedDate)', () => {
    expect(dateRefusal('1900-01-01')).toBeNull();
    expect(dateRefusal('9999-12-31')).toBeNull();
    expect(dateRefusal('1899-12-31')).toBe('is outside the years 1900–9999');
    expect(dateRefusal('1000-01-01')).toBe('is outside the years 1900–9999');
    expect(dateRefusal('2026-02-30')).toBe('is not a real YYYY-MM-DD date');
    expect(dateRefusal('10000-01-01')).toBe('is not a real YYYY-MM-DD date');
    expect(() => parseAcceptedDate('1026-03-15', 'effectiveDate')).toThrow(expect.objectContaining({
      code: 'INVALID_DATE', kind: 'invalid', message: 'effectiveDate 1026-03-15 is outside the years 1900–9999',
    }));
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2000-01-01', 146097)).toBe('2400-01-01');
  });

  it('adds months from the anchor, clamped to month end', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonthsClamped('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonthsClamped('2026-11-15', 14)).toBe('2028-01-15');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts days between dates (b − a)', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('1970-01-01', '2026-01-01')).toBe(20454);
  });

  it('knows month ends, years and order', () => {
    expect(isMonthEnd('2024-02-29')).toBe(true);
    expect(isMonthEnd('2024-02-28')).toBe(false);
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2026-04-01')).toBe('2026-04-30');
    expect(compareDates('2026-01-01', '2026-01-02')).toBeLessThan(0);
    expect(compareDates('2026-01-02', '2026-01-01')).toBeGreaterThan(0);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(yearOf('2024-06-01')).toBe(2024);
    expect([daysInYear(2024), daysInYear(2026), daysInYear(1900), daysInYear(2000)]).toEqual([366, 365, 365, 366]);
  });

  it('counts 30/360 US days', () => {
    expect(days360('2026-01-15', '2026-02-15')).toBe(30);
    expect(days360('2026-01-31', '2026-03-31')).toBe(60);
    expect(days360('2026-01-30', '2026-03-31')).toBe(60);
    expect(days360('2026-01-29', '2026-03-31')).toBe(62);
    expect(days360('2026-02-28', '2026-03-31')).toBe(30);
    expect(days360('2024-02-29', '2025-02-28')).toBe(360);
    expect(days360('2026-01-01', '2027-01-01')).toBe(360);
  });

  it('counts 30/360 with the month-end anchor rule: whole months between due dates are 30 days', () => {
    // Anchored on a month end: clamped month ends count as the 30th.
    expect(days360('2025-01-31', '2025-02-28', '2025-01-31')).toBe(30);
    expect(days360('2025-02-28', '2025-03-31', '2025-01-31')).toBe(30);
    expect(days360('2025-03-31', '2025-04-30', '2025-01-31')).toBe(30);
    expect(days360('2024-01-30', '2024-02-29', '2024-01-30')).toBe(30);
    expect(days360('2025-01-29', '2025-02-28', '2025-01-29')).toBe(30);
    expect(days360('2025-02-28', '2025-03-29', '2025-01-29')).toBe(30);
    // Anchored on the 28th: February's end is just the 28th, so the March period is 30 days too.
    expect(days360('2025-01-28', '2025-02-28', '2025-01-28')).toBe(30);
    expect(days360('2025-02-28', '2025-03-28', '2025-01-28')).toBe(30);
    // Anchored on February's last day: due dates fall on the 28th, never moved to month ends.
    expect(days360('2025-02-28', '2025-03-28', '2025-02-28')).toBe(30);
    // Part periods (accrual to a date inside the period) count from the adjusted day.
    expect(days360('2025-02-28', '2025-03-10', '2025-01-31')).toBe(10);
    expect(days360('2025-01-31', '2025-02-15', '2025-01-31')).toBe(15);
    // A year of due dates is 360 days whatever the anchor.
    expect(days360('2025-01-31', '2026-01-31', '2025-01-31')).toBe(360);
    expect(days360('2025-01-28', '2026-01-28', '2025-01-28')).toBe(360);
  });

  it('computes due dates per frequency', () => {
    expect(dueDate('2026-01-31', 'monthly', 1)).toBe('2026-02-28');
    expect(dueDate('2026-01-31', 'monthly', 2)).toBe('2026-03-31');
    expect(dueDate('2026-01-01', 'biweekly', 2)).toBe('2026-01-29');
    expect(dueDate('2026-01-01', 'weekly', 1)).toBe('2026-01-08');
  });
});
