import { DomainError } from '../domain/errors.js';
import { StreamChainVerifier, type ChainLink } from './hash-chain.js';
import type { StreamHead } from './stored-event.js';

const refusal = (streamId: string, revision: bigint, why: string) => new DomainError(
  'STREAM_HISTORY_BROKEN',
  `${streamId} cannot be extended: ${why} at revision ${revision} (an event was edited, removed or rehashed behind the store's back); run lendcore verify and restore the log from a backup`,
  'conflict', { streamId, revision },
);

/**
 * Throws STREAM_HISTORY_BROKEN (409) unless `tail` (a stream's events from revision `from` to its
 * end, as stored) is a whole chain: each event hashes as it claims and links to the one before it,
 * the first to `prevHash` (GENESIS_HASH from revision 0, else the stored hash of the event before
 * `from`; undefined when that event is gone), and the last is `head`, the head row the store wrote (whose MAC the append checks).
 * So a state folded from a snapshot and this tail is one the store's own appends produced.
 */
export function assertTailIntact(streamId: string, from: bigint, prevHash: string | undefined, tail: readonly ChainLink[], head: StreamHead | undefined): void {
  if (tail.length === 0) return;
  if (prevHash === undefined) throw refusal(streamId, from - 1n, 'the event the tail follows is missing');
  const verifier = new StreamChainVerifier({ revision: from, prevHash });
  for (const event of tail) {
    const broken = verifier.check(event);
    if (broken !== null) throw refusal(streamId, broken.revision, `the event fails its hash chain (${broken.reason})`);
  }
  const last = tail[tail.length - 1]!;
  if (head === undefined || head.revision !== last.revision || head.hash !== last.hash) {
    throw refusal(streamId, last.revision, 'the events do not end at the head the store recorded');
  }
}
