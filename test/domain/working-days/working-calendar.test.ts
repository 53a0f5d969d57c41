import { describe, expect, it } from 'vitest';
import { dayOfWeek } from '../../../src/domain/calendar.js';
import { computeApr } from '../../../src/domain/apr.js';
import { generateSchedule } from '../../../src/domain/schedule/generate.js';
import { adjustDueDate, isWorkingDay, WEEKENDS_ONLY, type WorkingCalendar } from '../../../src/domain/working-days/working-calendar.js';
import { productTerms } from '../product-terms.fixture.js';

// 2026 Spring Festival as the State Council set it: Feb 15–23 off, Saturday Feb 14 and Feb 28 worked.
const SPRING_2026: WorkingCalendar = {
  holidays: new Set(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']),
  workingWeekends: new Set(['2026-02-14', '2026-02-28']),
};

describe('working days', () => {
  it('knows the weekday', () => {
    expect(['2026-02-14', '2026-02-15', '2026-02-16', '1970-01-01', '2000-01-01'].map(dayOfWeek)).toEqual([6, 7, 1, 4, 6]);
  });

  it('works Monday to Friday, not on holidays, and on adjusted working weekends', () => {
    expect(isWorkingDay('2026-02-13', SPRING_2026)).toBe(true);
    expect(isWorkingDay('2026-02-14', SPRING_2026)).toBe(true); // a Saturday worked (调休)
    expect(isWorkingDay('2026-02-18', SPRING_2026)).toBe(false); // a Wednesday off
    expect(isWorkingDay('2026-03-01', SPRING_2026)).toBe(false); // an ordinary Sunday
  });

  it('moves a due date per the rule', () => {
    expect(adjustDueDate('2026-02-15', 'next-working-day', SPRING_2026)).toBe('2026-02-24');
    expect(adjustDueDate('2026-02-15', 'previous-working-day', SPRING_2026)).toBe('2026-02-14');
    expect(adjustDueDate('2026-02-15', 'keep', SPRING_2026)).toBe('2026-02-15');
    expect(adjustDueDate('2026-03-01', 'next-working-day', WEEKENDS_ONLY)).toBe('2026-03-02');
    expect(adjustDueDate('2026-03-02', 'previous-working-day', SPRING_2026)).toBe('2026-03-02');
  });
});

describe('schedules on working days', () => {
  const terms = (rule: 'next-working-day' | 'previous-working-day' | 'keep') => productTerms({ nonWorkingDayRule: rule, interestCalculation: 'daily' });
  const build = (rule: 'next-working-day' | 'previous-working-day' | 'keep') =>
    generateSchedule({ principal: '10000.00', annualRate: '12', term: 3, startDate: '2026-01-15', terms: terms(rule), calendar: SPRING_2026 });

  it('moves due dates off holidays and weekends, and daily interest follows the moved dates', () => {
    const next = build('next-working-day');
    // Feb 15 (Spring Festival) → Tue Feb 24; Sun Mar 15 → Mon Mar 16; Apr 15 is a Wednesday.
    expect(next.map((r) => r.dueDate)).toEqual(['2026-02-24', '2026-03-16', '2026-04-15']);
    // 40 days, then 20, then 30 on the remaining balances.
    expect(next[0]?.interest).toBe('131.51');
    const kept = build('keep');
    expect(kept.map((r) => r.dueDate)).toEqual(['2026-02-15', '2026-03-15', '2026-04-15']);
    expect(kept[0]?.interest).toBe('101.92'); // 31 days
    const previous = build('previous-working-day');
    // The Saturday before the festival is worked, so Feb 15 moves back one day only.
    expect(previous.map((r) => r.dueDate)).toEqual(['2026-02-14', '2026-03-13', '2026-04-15']);
    expect(previous[0]?.interest).toBe('98.63'); // 30 days
    for (const rows of [next, kept, previous]) expect(rows[2]?.balance).toBe('0.00');
  });

  it('keeps per-period interest nominal and measures the APR on the moved dates', () => {
    const periodTerms = productTerms({ nonWorkingDayRule: 'next-working-day' });
    const rows = generateSchedule({ principal: '10000.00', annualRate: '12', term: 3, startDate: '2026-01-15', terms: periodTerms, calendar: SPRING_2026 });
    expect(rows.map((r) => r.interest)).toEqual(['100.00', '67.00', '33.67']);
    // Paid a little later than one period each: the same interest is a slightly lower rate.
    const apr = computeApr({ netDisbursed: '10000.00', startDate: '2026-01-15', rows, currency: 'CNY', frequency: 'monthly', firstRepaymentDate: null });
    expect(apr).toBe('11.36');
  });
});
