import type Database from 'better-sqlite3';
import { FIRST_PREVIOUS, signCheckpoint, type SignedCheckpoint } from './checkpoint.js';
import type { CheckpointStore } from './checkpoint-store.js';
import type { IntegrityKeys } from './integrity-keys.js';
import { EMPTY_LOG_DIGEST, nextLogDigest } from './log-digest.js';
import { merkleRoot, sortHeads, type StreamHead } from './merkle.js';

export interface CheckpointOutcome {
  checkpoint: SignedCheckpoint;
  /** False when the log had nothing new since the latest checkpoint (that one is returned). */
  written: boolean;
}

/**
 * Signs a checkpoint of the log as it is now: head position, Merkle root of every stream head and
 * the running log digest continued from the previous checkpoint. Reads in one transaction, so
 * heads and digest describe the same position while appends go on. Writes nothing when the log
 * has not moved since the latest checkpoint. Holds the checkpoint file's write lock throughout.
 */
export function writeCheckpoint(log: Database.Database, store: CheckpointStore, keys: IntegrityKeys, now: Date): CheckpointOutcome {
  return store.exclusively(() => signNext(log, store, keys, now));
}

function signNext(log: Database.Database, store: CheckpointStore, keys: IntegrityKeys, now: Date): CheckpointOutcome {
  const previous = store.latest();
  const fromPosition = previous === null ? 0n : BigInt(previous.body.position);
  const read = log.transaction(() => {
    const head = log.prepare<[], { position: bigint | null }>('SELECT max(position) AS position FROM events').get()?.position ?? 0n;
    if (previous !== null && head === fromPosition) return null;
    const heads: StreamHead[] = log
      .prepare<[], { stream_id: string; revision: bigint; last_hash: string }>('SELECT stream_id, revision, last_hash FROM streams')
      .all()
      .map((row) => ({ streamId: row.stream_id, revision: row.revision, hash: row.last_hash }));
    let digest = previous?.body.logDigest ?? EMPTY_LOG_DIGEST;
    const events = log.prepare<[bigint, bigint], { position: bigint; stream_id: string; revision: bigint; hash: string }>(
      'SELECT position, stream_id, revision, hash FROM events WHERE position > ? AND position <= ? ORDER BY position',
    );
    for (const row of events.iterate(fromPosition, head)) {
      digest = nextLogDigest(digest, { position: row.position, streamId: row.stream_id, revision: row.revision, hash: row.hash });
    }
    return { head, heads: sortHeads(heads), digest };
  });
  const state = read();
  if (state === null) return { checkpoint: previous!, written: false };
  const checkpoint = signCheckpoint(
    {
      format: 'lendcore-checkpoint/1',
      sequence: String(previous === null ? 1n : BigInt(previous.body.sequence) + 1n),
      position: String(state.head),
      streams: String(state.heads.length),
      root: merkleRoot(state.heads),
      logDigest: state.digest,
      previous: previous?.hash ?? FIRST_PREVIOUS,
      createdAt: now.toISOString(),
    },
    keys.signingKey,
  );
  store.add(checkpoint, state.heads);
  return { checkpoint, written: true };
}
