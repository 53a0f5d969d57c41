import { describe, expect, it } from 'vitest';
import { describeTarget, judge } from '../../bench/judge.js';

describe('judge', () => {
  it('passes when every bound holds and falls short when one fails', () => {
    const target = { ratioAtLeast: 0.5, atLeast: 100_000 };
    expect(judge(target, 150_000, 0.6)).toBe(true);
    expect(judge(target, 150_000, 0.4)).toBe(false);
    expect(judge(target, 90_000, 0.6)).toBe(false);
  });

  it('treats "below" as strict and "ratioAtMost" as inclusive', () => {
    expect(judge({ below: 2 }, 2, null)).toBe(false);
    expect(judge({ below: 2 }, 1.99, null)).toBe(true);
    expect(judge({ ratioAtMost: 2 }, 1, 2)).toBe(true);
    expect(judge({ ratioAtMost: 2 }, 1, 2.01)).toBe(false);
  });

  it('treats "atMost" as inclusive (peak RSS ≤ 300 MiB)', () => {
    expect(judge({ atMost: 300 }, 300, null)).toBe(true);
    expect(judge({ atMost: 300 }, 300.5, null)).toBe(false);
    expect(describeTarget({ atMost: 300 })).toBe('≤ 300');
  });

  it('has no verdict without a target, a measurement, or the ceiling a ratio bound needs', () => {
    expect(judge(undefined, 10, 1)).toBeNull();
    expect(judge({ atLeast: 1 }, null, null)).toBeNull();
    expect(judge({ ratioAtLeast: 0.4 }, 5_000, null)).toBeNull();
  });
});

describe('describeTarget', () => {
  it('lists every bound in a fixed order', () => {
    expect(describeTarget({ below: 2, ratioAtMost: 2 })).toBe('≤ 2× ceiling, < 2');
    expect(describeTarget({ ratioAtLeast: 0.5, atLeast: 100_000 })).toBe('≥ 0.5× ceiling, ≥ 100000');
  });

  it('is null for a figure without a target', () => {
    expect(describeTarget(undefined)).toBeNull();
  });
});
