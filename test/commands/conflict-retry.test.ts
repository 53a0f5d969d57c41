import { describe, expect, it } from 'vitest';
import { withConflictRetry } from '../../src/commands/conflict-retry.js';
import { ConcurrencyError } from '../../src/eventstore/concurrency-error.js';

const conflict = () => new ConcurrencyError('loan-1', 0n, 1n);
const noSleep = { sleep: async () => {}, random: () => 1 };

describe('withConflictRetry', () => {
  it('retries conflicts until the attempt succeeds', async () => {
    let calls = 0;
    const result = await withConflictRetry(async () => {
      calls += 1;
      if (calls < 3) throw conflict();
      return 'landed';
    }, noSleep);
    expect(result).toBe('landed');
    expect(calls).toBe(3);
  });

  it('backs off exponentially with jitter below the cap', async () => {
    const delays: number[] = [];
    await expect(withConflictRetry(async () => { throw conflict(); }, { retries: 3, baseDelayMs: 4, random: () => 0.25, sleep: async (ms) => void delays.push(ms) }))
      .rejects.toBeInstanceOf(ConcurrencyError);
    expect(delays).toEqual([1, 2, 4]);
  });

  it('surfaces a conflict the caller marks as not retryable at once', async () => {
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      throw conflict();
    };
    await expect(withConflictRetry(attempt, noSleep, () => false)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(calls).toBe(1);
  });
});
