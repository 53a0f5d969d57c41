import type { ExpectedRevision } from './port.js';

/** The stream was not at the revision the writer expected; `actual` is null when there is no stream. */
export class ConcurrencyError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | null,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual === null ? 'no stream' : String(actual)}`);
    this.name = 'ConcurrencyError';
  }
}
