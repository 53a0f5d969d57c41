import { ConcurrencyError } from '../eventstore/concurrency-error.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 5). */
  retries?: number;
  /** Backoff before retry n is random in [0, baseDelayMs · 2^n) — "full jitter" (default 5 ms). */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again after a ConcurrencyError (reloading is the attempt's job), up to `retries`
 * times with jittered exponential backoff so colliding writers spread out; then surfaces the
 * error. Errors for which `retryable` says no (an If-Match mismatch) surface at once.
 */
export async function withConflictRetry<T>(
  attempt: () => Promise<T>,
  options: RetryOptions = {},
  retryable: (error: ConcurrencyError) => boolean = () => true,
): Promise<T> {
  const { retries = 5, baseDelayMs = 5, sleep = realSleep, random = Math.random } = options;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || n >= retries || !retryable(error)) throw error;
      await sleep(random() * baseDelayMs * 2 ** n);
    }
  }
}
