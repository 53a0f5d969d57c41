import { describe, expect, it } from 'vitest';
import { eventsPerSecond } from '../../bench/replay/replay-report.js';
import { unmeasured } from '../../bench/unmeasured.js';

describe('eventsPerSecond', () => {
  it('is events over seconds', () => {
    expect(eventsPerSecond({ events: 1_000_000, ms: 4_000, peakRssMiB: 80 })).toBe(250_000);
  });

  it('refuses a replay that read nothing', () => {
    expect(() => eventsPerSecond({ events: 0, ms: 10, peakRssMiB: 80 })).toThrow('replay read 0 events');
  });
});

describe('unmeasured', () => {
  it('keeps the reason for each figure that could not be measured', () => {
    expect(unmeasured(['eod'], new Error('close of business is not built yet'))).toEqual([
      { name: 'eod', measured: null, note: 'close of business is not built yet' },
    ]);
    expect(unmeasured(['http'], 'boom')).toEqual([{ name: 'http', measured: null, note: 'boom' }]);
  });
});
