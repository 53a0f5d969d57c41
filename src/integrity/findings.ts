/**
 * What `lendcore verify` can find wrong, each named for what an operator must look at:
 * - hash_mismatch, prev_hash_mismatch, revision_gap, hash_version_unknown, hash_version_downgrade:
 *   a stream's own chain is broken there;
 * - position_order: a stream's global positions do not increase with its revisions;
 * - head_mismatch, head_missing, stream_without_events: the `streams` head row disagrees with the events;
 * - head_unauthenticated: the head row's MAC does not verify (written without the key);
 * - stream_missing, tail_missing, history_rewritten, stream_not_in_checkpoint: the log disagrees
 *   with the stream heads the latest signed checkpoint anchored;
 * - log_digest_mismatch: events up to a checkpoint were inserted, removed, renamed or reordered;
 * - checkpoint_signature, checkpoint_chain, checkpoint_leaves: a checkpoint itself is not genuine;
 * - checkpoints_missing, checkpoint_anchor_unauthenticated: checkpoints.db lacks the checkpoint the
 *   log records as its latest (deleted, replaced, rolled back), or that record was edited;
 * - snapshot_mismatch, idempotency_mismatch: a row beside the log is not bound to it.
 */
export type FindingKind =
  | 'hash_mismatch' | 'prev_hash_mismatch' | 'revision_gap' | 'hash_version_unknown' | 'hash_version_downgrade' | 'position_order'
  | 'head_mismatch' | 'head_missing' | 'stream_without_events' | 'head_unauthenticated'
  | 'stream_missing' | 'tail_missing' | 'history_rewritten' | 'stream_not_in_checkpoint'
  | 'log_digest_mismatch' | 'checkpoint_signature' | 'checkpoint_chain' | 'checkpoint_leaves'
  | 'checkpoints_missing' | 'checkpoint_anchor_unauthenticated'
  | 'snapshot_mismatch' | 'idempotency_mismatch';

export interface Finding {
  kind: FindingKind;
  /** A stream id, `checkpoint #n`, `snapshot <stream>` or `idempotency <key>`. */
  subject: string;
  revision?: bigint;
  eventId?: string;
  detail: string;
}

export interface IntegrityReport {
  streams: number;
  events: number;
  checkpoints: number;
  /** Position of the latest checkpoint (0n without one). */
  anchoredPosition: bigint;
  /** Events after the latest checkpoint: covered by their chains and head MACs, not yet by a signature. */
  unanchoredEvents: number;
  snapshots: number;
  idempotencyRecords: number;
  findings: Finding[];
}

/** One line per finding, naming subject, revision and event where known. */
export function describeFinding(finding: Finding): string {
  const at = finding.revision === undefined ? '' : ` at revision ${finding.revision}`;
  const event = finding.eventId === undefined ? '' : ` (event ${finding.eventId})`;
  return `BROKEN ${finding.subject}${at}${event}: ${finding.kind}: ${finding.detail}`;
}
