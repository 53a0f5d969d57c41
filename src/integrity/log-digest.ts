import { createHash } from 'node:crypto';
import { canonicalJson } from '../eventstore/canonical-json.js';
import { GENESIS_HASH } from '../eventstore/hash-chain.js';

/** The digest before the first event. */
export const EMPTY_LOG_DIGEST = GENESIS_HASH;

/**
 * digest' = sha256(digest ‖ canonicalJSON([position, streamId, revision, hash])), hex, over the
 * log in position order. A checkpoint stores it, so any insertion, removal, rename or reordering
 * of events up to the checkpoint's position changes it, including a swap of global positions
 * between two streams that each stream's own chain cannot see.
 */
export function nextLogDigest(digest: string, event: { position: bigint; streamId: string; revision: bigint; hash: string }): string {
  return createHash('sha256')
    .update(digest)
    .update(canonicalJson([event.position, event.streamId, event.revision, event.hash]))
    .digest('hex');
}
