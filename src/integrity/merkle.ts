import { createHash } from 'node:crypto';
import { canonicalJson } from '../eventstore/canonical-json.js';

/** One stream's head as a checkpoint anchors it. */
export interface StreamHead {
  streamId: string;
  revision: bigint;
  hash: string;
}

/** One step of an inclusion proof: the sibling's hash (hex) and which side it sits on. */
export interface MerkleStep {
  side: 'left' | 'right';
  hash: string;
}

const sha256 = (...parts: Buffer[]): Buffer => {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part);
  return digest.digest();
};

/**
 * Leaf = sha256(0x00 ‖ canonicalJSON({hash, revision: "<decimal>", streamId})), node =
 * sha256(0x01 ‖ left ‖ right) over the raw 32-byte digests (RFC 6962 domain separation, so a
 * leaf can never pass for a node). Leaves are sorted by streamId (UTF-16 code units, JS `<`).
 */
export function leafHash(head: StreamHead): Buffer {
  return sha256(Buffer.from([0]), Buffer.from(canonicalJson({ hash: head.hash, revision: head.revision, streamId: head.streamId }), 'utf8'));
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(Buffer.from([1]), left, right);
}

/** Root of zero leaves: sha256 of nothing. */
export const EMPTY_ROOT = sha256().toString('hex');

/** Heads in leaf order. */
export function sortHeads(heads: StreamHead[]): StreamHead[] {
  return [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

/** Pairs each level left to right; an odd last node is carried up unchanged. Heads must be sorted. */
function levels(heads: StreamHead[]): Buffer[][] {
  const tree: Buffer[][] = [heads.map(leafHash)];
  while (tree[tree.length - 1]!.length > 1) {
    const level = tree[tree.length - 1]!;
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? nodeHash(level[i]!, level[i + 1]!) : level[i]!);
    tree.push(next);
  }
  return tree;
}

/** The Merkle root (hex) over sorted heads. */
export function merkleRoot(sortedHeads: StreamHead[]): string {
  if (sortedHeads.length === 0) return EMPTY_ROOT;
  const tree = levels(sortedHeads);
  return tree[tree.length - 1]![0]!.toString('hex');
}

/** The path from leaf `index` to the root; a carried-up level adds no step. */
export function merklePath(sortedHeads: StreamHead[], index: number): MerkleStep[] {
  const tree = levels(sortedHeads);
  const steps: MerkleStep[] = [];
  let at = index;
  for (const level of tree.slice(0, -1)) {
    const sibling = at % 2 === 0 ? at + 1 : at - 1;
    if (sibling < level.length) steps.push({ side: at % 2 === 0 ? 'right' : 'left', hash: level[sibling]!.toString('hex') });
    at = Math.floor(at / 2);
  }
  return steps;
}

/** The root a leaf and its path lead to (hex). */
export function rootFromPath(head: StreamHead, steps: MerkleStep[]): string {
  let hash = leafHash(head);
  for (const step of steps) {
    const sibling = Buffer.from(step.hash, 'hex');
    hash = step.side === 'left' ? nodeHash(sibling, hash) : nodeHash(hash, sibling);
  }
  return hash.toString('hex');
}
