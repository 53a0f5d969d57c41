import { describe, expect, it } from 'vitest';
import { endOfDayIn } from '../../web/src/shell/end-of-day.js';

describe('the last instant of a business date in the lender\'s time zone (state?asOf=)', () => {
  it('carries the zone\'s offset, so the day ends where the lender works, not in UTC', () => {
    expect(endOfDayIn('2026-11-20', 'Asia/Shanghai')).toBe('2026-11-20T23:59:59.999+08:00');
    expect(endOfDayIn('2026-11-20', 'UTC')).toBe('2026-11-20T23:59:59.999Z');
    expect(endOfDayIn('2026-07-01', 'America/New_York')).toBe('2026-07-01T23:59:59.999-04:00');
    expect(endOfDayIn('2026-12-01', 'America/New_York')).toBe('2026-12-01T23:59:59.999-05:00');
  });

  it('is a time the API accepts and that falls on that day in the zone', () => {
    const at = endOfDayIn('2026-11-20', 'Asia/Shanghai');
    expect(new Date(at).toISOString()).toBe('2026-11-20T15:59:59.999Z');
  });
});
