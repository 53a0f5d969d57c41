import { describe, expect, it } from 'vitest';
import { MinuteRecorder, percentile } from '../../scripts/soak/minute-stats.js';

describe('percentile', () => {
  it('takes the nearest rank, whatever the input order', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });

  it('is 0 with no samples', () => {
    expect(percentile([], 99)).toBe(0);
  });
});

describe('MinuteRecorder', () => {
  it('counts requests and errors per minute and starts each minute afresh', () => {
    const recorder = new MinuteRecorder();
    recorder.record(5, true);
    recorder.record(50, false);
    expect(recorder.close(120.456)).toEqual({ minute: 1, requests: 2, errors: 1, p50Ms: 5, p99Ms: 50, rssMb: 120.46 });
    recorder.record(7, true);
    expect(recorder.close(121)).toMatchObject({ minute: 2, requests: 1, errors: 0, p99Ms: 7 });
    expect(recorder.minutes).toHaveLength(2);
  });
});
