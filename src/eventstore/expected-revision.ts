import { ConcurrencyError } from './concurrency-error.js';
import type { ExpectedRevision } from './port.js';

/** Throws ConcurrencyError unless a stream at `actual` (null: no stream) satisfies `expected`. */
export function assertExpectedRevision(streamId: string, expected: ExpectedRevision, actual: bigint | null): void {
  const satisfied =
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    (typeof expected === 'bigint' && actual === expected);
  if (!satisfied) throw new ConcurrencyError(streamId, expected, actual);
}
