import type { Sealed } from './events.js';

/**
 * The mark of a value a KycSubmitted v1 event (income, employer) or a CreditAssessed v1 event (the
 * income the scorecard saw) recorded in clear, before they were sealed: format version 0 of a sealed
 * value, "not encrypted", beside the vault's `v1.` ciphertexts.
 * The upcaster hands such values out in the sealed values' place so that every reader opens them
 * through the vault, as it does sealed ones: readable while the customer's key exists, `[erased]` once
 * erasure destroyed it (PIPL art. 47). The log itself still holds the clear text, since an event is
 * never rewritten (README, "Identity and access", erasure of values recorded in clear).
 */
export const RECORDED_IN_CLEAR = 'v0.';

/** `text` as a v0 sealed value: `v0.` followed by the text unchanged. */
export function recordedInClear(text: string): Sealed {
  return `${RECORDED_IN_CLEAR}${text}`;
}
