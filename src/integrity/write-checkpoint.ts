import type Database from 'better-sqlite3';
import { FIRST_PREVIOUS, signCheckpoint, type SignedCheckpoint } from './checkpoint.js';
import { recordCheckpointAnchor } from './checkpoint-anchor.js';
import type { CheckpointStore } from './checkpoint-store.js';
import type { IntegrityKeys } from './integrity-keys.js';
import { EMPTY_LOG_DIGEST, nextLogDigest } from './log-digest.js';
import { merkleRoot, sortHeads, type StreamHead } from './merkle.js';
import { headAuthentic, type StoredHead } from './record-mac.js';

/**
 * A checkpoint that would sign heads no store wrote: extended, truncated or rehashed without the
 * integrity key (their MAC fails or was cleared). Signing them would make a forgery evidence (the
 * next `lendcore verify` would find every head anchored and every chain whole), so nothing is signed
 * until the log is restored or investigated with `lendcore verify`.
 */
export class CheckpointRefused extends Error {
  constructor(readonly streams: readonly string[]) {
    super(`refusing to sign a checkpoint: ${streams.length} stream head(s) fail their MAC (${streams.slice(0, 5).join(', ')}${streams.length > 5 ? ', …' : ''}); run lendcore verify`);
    this.name = 'CheckpointRefused';
  }
}

/**
 * `trustHeadsWithoutMac`: sign heads that carry no MAC though no checkpoint anchored them (a log
 * written before head MACs, checkpointed for the first time: `lendcore checkpoint
 * --trust-heads-without-mac`). Never the server's choice, and a head whose MAC is wrong is refused
 * whatever it says.
 */
export interface CheckpointOptions {
  trustHeadsWithoutMac?: boolean;
}

export interface CheckpointOutcome {
  checkpoint: SignedCheckpoint;
  /** False when the log had nothing new since the latest checkpoint (that one is returned). */
  written: boolean;
}

/**
 * Signs a checkpoint of the log as it is now: head position, Merkle root of every stream head and
 * the running log digest continued from the previous checkpoint. Reads in one transaction, so
 * heads and digest describe the same position while appends go on. Writes nothing when the log
 * has not moved since the latest checkpoint. Holds the checkpoint file's write lock throughout;
 * once it is committed, records it in the log file as the latest (checkpoint-anchor.ts).
 */
export function writeCheckpoint(log: Database.Database, store: CheckpointStore, keys: IntegrityKeys, now: Date, options: CheckpointOptions = {}): CheckpointOutcome {
  const outcome = store.exclusively(() => signNext(log, store, keys, now, options));
  if (outcome.written) recordCheckpointAnchor(log.name, keys.macKey, outcome.checkpoint);
  return outcome;
}

function signNext(log: Database.Database, store: CheckpointStore, keys: IntegrityKeys, now: Date, options: CheckpointOptions): CheckpointOutcome {
  const previous = store.latest();
  const fromPosition = previous === null ? 0n : BigInt(previous.body.position);
  const read = log.transaction(() => {
    const head = log.prepare<[], { position: bigint | null }>('SELECT max(position) AS position FROM events').get()?.position ?? 0n;
    if (previous !== null && head === fromPosition) return null;
    const stored: StoredHead[] = log
      .prepare<[], { stream_id: string; revision: bigint; last_hash: string; mac: string | null }>('SELECT stream_id, revision, last_hash, mac FROM streams')
      .all()
      .map((row) => ({ streamId: row.stream_id, revision: row.revision, hash: row.last_hash, mac: row.mac }));
    // Read only once the log has moved: an idle tick reads no heads.
    const anchored = previous === null ? new Map<string, StreamHead>() : new Map(store.latestHeads().map((h) => [h.streamId, h]));
    refuseForgedHeads(stored, anchored, keys.macKey, options);
    const heads: StreamHead[] = stored.map(({ streamId, revision, hash }) => ({ streamId, revision, hash }));
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

/** Throws CheckpointRefused naming every head that is not authentic (record-mac.ts `headAuthentic`); a head the previous checkpoint anchored as it is passes unchecked. */
function refuseForgedHeads(heads: readonly StoredHead[], anchored: ReadonlyMap<string, StreamHead>, macKey: Buffer, options: CheckpointOptions): void {
  const forged: string[] = [];
  for (const head of heads) {
    const anchor = anchored.get(head.streamId);
    if (anchor !== undefined && anchor.revision === head.revision && anchor.hash === head.hash) continue;
    if (head.mac === null && options.trustHeadsWithoutMac === true) continue;
    if (!headAuthentic(macKey, head, () => undefined)) forged.push(head.streamId);
  }
  if (forged.length > 0) throw new CheckpointRefused(forged);
}
