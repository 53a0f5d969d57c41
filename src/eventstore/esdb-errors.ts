import {
  CancelledError, DeadlineExceededError, NotLeaderError, StreamNotFoundError, UnavailableError, WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ConcurrencyError } from './concurrency-error.js';
import type { ExpectedRevision } from './port.js';

/**
 * ConcurrencyError for a WrongExpectedVersionError, reporting the caller's expectation; other
 * errors pass through. `actualVersion` is the string "no_stream" when the stream does not exist,
 * which must become `null`, never `BigInt("no_stream")` (the mapper Emmett shipped crashed there).
 */
export function toConcurrencyError(streamId: string, expected: ExpectedRevision, error: unknown): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion : null;
  return new ConcurrencyError(streamId, expected, actual);
}

/** Reading a missing stream throws StreamNotFoundError while iterating; for us that is an empty stream. */
export function isStreamNotFound(error: unknown): boolean {
  return error instanceof StreamNotFoundError;
}

/** Errors after which a subscription should reconnect from its own checkpoint rather than give up. */
export function isConnectionDrop(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof CancelledError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError
  );
}
