import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../eventstore/canonical-json.js';

/**
 * MACs over the rows that sit beside the hash chain (stream heads, snapshots, idempotency
 * records, the log's record of its latest checkpoint): HMAC-SHA256(macKey, canonicalJSON([kind, ...fields])), hex. Bigints enter as decimal
 * strings. Without the key nobody can write a row that verifies, which the chain alone cannot
 * give (anyone can recompute a sha256).
 */
export function recordMac(macKey: Buffer, kind: 'head' | 'snapshot' | 'idempotency' | 'checkpoint-anchor', fields: readonly unknown[]): string {
  return createHmac('sha256', macKey).update(canonicalJson([kind, ...fields])).digest('hex');
}

/** Constant-time comparison of a stored MAC (null = none stored) with the expected one. */
export function macMatches(stored: string | null, expected: string): boolean {
  if (stored === null || stored.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(stored, 'utf8'), Buffer.from(expected, 'utf8'));
}

/** The MAC of a stream's head row (`streams`): binds the id to its last revision and hash. */
export const headMac = (macKey: Buffer, streamId: string, revision: bigint, hash: string): string =>
  recordMac(macKey, 'head', [streamId, revision, hash]);

/** The MAC of a snapshot: the stream hash at its revision and the state bytes as stored. */
export const snapshotMac = (macKey: Buffer, streamId: string, revision: bigint, version: number, streamHash: string, stateJson: string): string =>
  recordMac(macKey, 'snapshot', [streamId, revision, version, streamHash, stateJson]);

/** The MAC of an idempotency record: key, request hash and the append it points at. */
export const idempotencyMac = (macKey: Buffer, key: string, requestHash: string, streamId: string, revision: bigint, position: bigint): string =>
  recordMac(macKey, 'idempotency', [key, requestHash, streamId, revision, position]);

/** The MAC of the log's record of its latest checkpoint (src/integrity/checkpoint-anchor.ts). */
export const checkpointAnchorMac = (macKey: Buffer, sequence: bigint, checkpointHash: string): string =>
  recordMac(macKey, 'checkpoint-anchor', [sequence, checkpointHash]);

/** A stream's head row as stored: its last revision and hash, and the MAC written with them (null: none). */
export interface StoredHead {
  streamId: string;
  revision: bigint;
  hash: string;
  mac: string | null;
}

/**
 * Whether a head row is one the store wrote: its MAC holds, or it has none and is exactly the head
 * the latest checkpoint anchored (a log from before head MACs; `anchored` looks that head up). A
 * head extended, truncated or rehashed by anyone without the key fails, whether they left the old
 * MAC or cleared it.
 */
export function headAuthentic(macKey: Buffer, head: StoredHead, anchored: (streamId: string) => { revision: bigint; hash: string } | undefined): boolean {
  if (head.mac !== null) return macMatches(head.mac, headMac(macKey, head.streamId, head.revision, head.hash));
  const anchor = anchored(head.streamId);
  return anchor !== undefined && anchor.revision === head.revision && anchor.hash === head.hash;
}
