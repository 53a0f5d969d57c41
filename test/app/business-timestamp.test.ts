import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDateAt, businessTimestamp } from '../../src/app/business-date.js';

const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'UTC'];
const dateIn = (now: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

describe('businessTimestamp', () => {
  it('is the same instant, on the zone\'s business date, for any instant and any order of calls (one second formatted once)', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
    // Runs of instants in the same second and across seconds, zones interleaved.
    const call = fc.tuple(instant, fc.integer({ min: 0, max: 2_500 }), fc.constantFrom(...zones));
    fc.assert(fc.property(fc.array(call, { minLength: 1, maxLength: 20 }), (calls) => {
      for (const [base, offsetMs, zone] of calls) {
        for (const ms of [base, base + offsetMs]) {
          const now = new Date(ms);
          const stamp = businessTimestamp(now, zone);
          expect(Date.parse(stamp)).toBe(ms);
          expect(stamp.slice(0, 10)).toBe(dateIn(now, zone));
          expect(businessDateAt(now, zone)).toBe(dateIn(now, zone));
          expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
        }
      }
    }));
  });

  it('moves its offset at a daylight-saving change, also within a run of calls', () => {
    // New York springs forward at 2024-03-10 07:00 UTC (02:00 EST → 03:00 EDT).
    const before = businessTimestamp(new Date('2024-03-10T06:59:59.900Z'), 'America/New_York');
    const after = businessTimestamp(new Date('2024-03-10T07:00:00.100Z'), 'America/New_York');
    expect(before).toBe('2024-03-10T01:59:59.900-05:00');
    expect(after).toBe('2024-03-10T03:00:00.100-04:00');
    expect(businessTimestamp(new Date('2024-03-10T07:00:00.999Z'), 'America/New_York', '2024-03-09')).toBe('2024-03-09T03:00:00.999-04:00');
  });
});
