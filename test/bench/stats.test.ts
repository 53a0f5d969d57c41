import { describe, expect, it } from 'vitest';
import { median, medianOf } from '../../bench/stats.js';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even one', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow('median of no values');
  });

  it('does not reorder the caller\'s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('medianOf', () => {
  it('runs the sample the given number of times and returns the median', async () => {
    const samples = [30, 10, 20];
    let calls = 0;
    expect(await medianOf(3, () => samples[calls++] ?? 0)).toBe(20);
    expect(calls).toBe(3);
  });
});
