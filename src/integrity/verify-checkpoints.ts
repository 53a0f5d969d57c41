import type Database from 'better-sqlite3';
import { checkpointSignatureValid, FIRST_PREVIOUS, type SignedCheckpoint } from './checkpoint.js';
import type { Finding } from './findings.js';
import { EMPTY_LOG_DIGEST, nextLogDigest } from './log-digest.js';
import { merkleRoot, type StreamHead } from './merkle.js';
import type { StreamSummary } from './stream-walk.js';

const name = (checkpoint: SignedCheckpoint) => `checkpoint #${checkpoint.body.sequence}`;

/** Every checkpoint is signed by `publicKey`, numbered in order and names the one before it; the latest's stored leaves give its root. */
export function verifyCheckpointChain(checkpoints: SignedCheckpoint[], latestHeads: StreamHead[], publicKey: Parameters<typeof checkpointSignatureValid>[1], findings: Finding[]): void {
  let previous: SignedCheckpoint | null = null;
  for (const checkpoint of checkpoints) {
    if (!checkpointSignatureValid(checkpoint, publicKey)) {
      findings.push({ kind: 'checkpoint_signature', subject: name(checkpoint), detail: 'the signature does not verify with this installation\'s public key' });
    }
    const expectedSequence = previous === null ? 1n : BigInt(previous.body.sequence) + 1n;
    const expectedPrevious = previous?.hash ?? FIRST_PREVIOUS;
    if (BigInt(checkpoint.body.sequence) !== expectedSequence || checkpoint.body.previous !== expectedPrevious) {
      findings.push({ kind: 'checkpoint_chain', subject: name(checkpoint), detail: `does not follow ${previous === null ? 'the start of the chain' : name(previous)} (a checkpoint was removed, reordered or forged)` });
    } else if (previous !== null && BigInt(checkpoint.body.position) < BigInt(previous.body.position)) {
      findings.push({ kind: 'checkpoint_chain', subject: name(checkpoint), detail: 'its position is before the previous checkpoint\'s' });
    }
    previous = checkpoint;
  }
  if (previous !== null && (merkleRoot(latestHeads) !== previous.body.root || String(latestHeads.length) !== previous.body.streams)) {
    findings.push({ kind: 'checkpoint_leaves', subject: name(previous), detail: 'the stored stream heads do not give the signed root (checkpoints.db was edited)' });
  }
}

/** Each stream head the latest checkpoint anchored is still in the log, and no stream before its position escaped it. */
export function verifyAgainstAnchor(checkpoint: SignedCheckpoint, anchoredHeads: Map<string, StreamHead>, streams: Map<string, StreamSummary>, findings: Finding[]): void {
  const at = `${name(checkpoint)} (position ${checkpoint.body.position})`;
  for (const [streamId, head] of anchoredHeads) {
    const walked = streams.get(streamId);
    const anchored = walked?.anchored ?? null;
    if (walked === undefined) {
      findings.push({ kind: 'stream_missing', subject: streamId, revision: head.revision, detail: `${at} anchored it at revision ${head.revision}; it is gone from the log (deleted or renamed)` });
    } else if (anchored === null || anchored.revision < head.revision) {
      findings.push({ kind: 'tail_missing', subject: streamId, revision: head.revision, detail: `${at} anchored revision ${head.revision}; the log has ${anchored === null ? 'none of it' : `only up to ${anchored.revision}`} by then` });
    } else if (anchored.revision !== head.revision || anchored.hash !== head.hash) {
      findings.push({ kind: 'history_rewritten', subject: streamId, revision: head.revision, detail: `${at} anchored hash ${head.hash.slice(0, 16)}… at revision ${head.revision}; the log now differs there` });
    }
  }
  for (const [streamId, walked] of streams) {
    if (walked.anchored !== null && !anchoredHeads.has(streamId)) {
      findings.push({ kind: 'stream_not_in_checkpoint', subject: streamId, revision: walked.anchored.revision, detail: `has events up to ${at} that the checkpoint does not know (inserted or renamed)` });
    }
  }
}

/**
 * Recomputes the running log digest in position order and compares it at every checkpoint's
 * position; returns the number of events after the latest checkpoint.
 */
export function verifyLogDigests(log: Database.Database, checkpoints: SignedCheckpoint[], findings: Finding[]): number {
  let digest = EMPTY_LOG_DIGEST;
  let next = 0;
  let unanchored = 0;
  const compareUpTo = (position: bigint | null) => {
    while (next < checkpoints.length && (position === null || BigInt(checkpoints[next]!.body.position) < position)) {
      const checkpoint = checkpoints[next]!;
      if (checkpoint.body.logDigest !== digest) {
        findings.push({ kind: 'log_digest_mismatch', subject: name(checkpoint), detail: `the events up to position ${checkpoint.body.position} are not the ones it signed (inserted, removed, renamed or reordered)` });
      }
      next += 1;
    }
  };
  const rows = log.prepare<[], { position: bigint; stream_id: string; revision: bigint; hash: string }>('SELECT position, stream_id, revision, hash FROM events ORDER BY position').iterate();
  for (const row of rows) {
    compareUpTo(row.position);
    digest = nextLogDigest(digest, { position: row.position, streamId: row.stream_id, revision: row.revision, hash: row.hash });
    if (next >= checkpoints.length) unanchored += 1;
  }
  compareUpTo(null);
  return unanchored;
}
