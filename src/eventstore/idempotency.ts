import type { AppendResult, IdempotencyRecord } from './port.js';

/**
 * Another append already stored this idempotency key (two retries of one request raced). The
 * append was not written; the caller looks the key up and answers with the first result.
 */
export class IdempotencyKeyTaken extends Error {
  readonly code = 'IDEMPOTENCY_KEY_TAKEN';
  constructor(readonly key: string) {
    super(`idempotency key ${key} is already recorded`);
    this.name = 'IdempotencyKeyTaken';
  }
}

/** The record an adapter stores beside an append: the key points at the batch's last event. */
export function idempotencyRecordFor(
  idempotency: { key: string; requestHash: string },
  result: Pick<AppendResult, 'streamId' | 'revision' | 'position'>,
): IdempotencyRecord & { requestHash: string } {
  return { ...idempotency, streamId: result.streamId, revision: result.revision, position: result.position };
}
