import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { auditFilterOfForm, pickedTime } from '../../web/src/audit/audit-query.js';
import { instantOfWallClock, wallClockOf } from '../../web/src/shell/lender-time.js';

/**
 * The audit list shows recording times on the lender's clock; its time filter must read a time picked on that
 * clock too. It read it on the browser's: from a browser in California (or on a UTC laptop), "recorded from
 * 2026-12-04 01:38:00 to 01:38:59" asked the API for 09:38 UTC and found none of the events the list showed at 01:38.
 * The picker's values are wall-clock times whatever the process's zone, so these hold under any TZ.
 */
describe('the audit time filter reads times on the lender\'s clock', () => {
  it('sends a picked period as the instants the lender\'s clocks showed, whole seconds at both ends', () => {
    const filter = auditFilterOfForm({ stream: ' loan-1 ', from: dayjs('2026-12-04T01:38:00'), to: dayjs('2026-12-04T01:38:59') }, 'Asia/Shanghai');
    expect(filter).toEqual({ stream: 'loan-1', actor: undefined, type: undefined, from: '2026-12-03T17:38:00.000Z', to: '2026-12-03T17:38:59.999Z' });
    expect(auditFilterOfForm({ to: dayjs('2026-11-20T23:59:59') }, 'UTC').to).toBe('2026-11-20T23:59:59.999Z');
  });

  it('shows a filter from the address on the same clock, so a reload keeps the times the user picked', () => {
    expect(pickedTime('2026-12-03T17:38:00.000Z', 'Asia/Shanghai')?.format('YYYY-MM-DD HH:mm:ss')).toBe('2026-12-04 01:38:00');
    expect(pickedTime('not a time', 'Asia/Shanghai')).toBeUndefined();
    expect(pickedTime(undefined, 'Asia/Shanghai')).toBeUndefined();
  });

  it('converts across a change of offset and back', () => {
    // New York: EDT (−4) in July, EST (−5) in December.
    expect(instantOfWallClock('2026-07-01 12:00:00', 'America/New_York')).toBe('2026-07-01T16:00:00.000Z');
    expect(instantOfWallClock('2026-12-01T12:00:00.500', 'America/New_York')).toBe('2026-12-01T17:00:00.500Z');
    expect(wallClockOf('2026-12-01T17:00:00.500Z', 'America/New_York')).toBe('2026-12-01T12:00:00.500');
    expect(instantOfWallClock('12/01/2026', 'UTC')).toBeNull();
  });
});
