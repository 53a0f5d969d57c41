import { describe, expect, it } from 'vitest';
import { forEachBounded } from '../../src/eod/bounded-pool.js';
import { datesToClose } from '../../src/eod/business-dates.js';

describe('datesToClose', () => {
  it('closes every missed day after the last close, in order', () => {
    expect(datesToClose('2026-02-27', '2026-03-02')).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });
  it.each([[null, '2026-03-02'], ['2026-03-02', '2026-03-02'], ['2026-03-05', '2026-03-02']])('closes only the date after %s', (last, date) => {
    expect(datesToClose(last, date)).toEqual([date]);
  });
});

describe('forEachBounded', () => {
  it('runs every item with never more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await forEachBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      done.push(n);
      inFlight -= 1;
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops taking items after a failure and rethrows it once the others settle', async () => {
    const started: number[] = [];
    const run = forEachBounded([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await new Promise((resolve) => setImmediate(resolve));
      if (n === 2) throw new Error('boom at 2');
    });
    await expect(run).rejects.toThrow('boom at 2');
    expect(started).toEqual([1, 2, 3]);
  });

  it('refuses a limit below one', async () => {
    await expect(forEachBounded([1], 0, async () => {})).rejects.toThrow(RangeError);
  });
});
