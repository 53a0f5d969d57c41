import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, merklePath, merkleRoot, rootFromPath, sortHeads, type StreamHead } from '../../src/integrity/merkle.js';

const heads = (n: number): StreamHead[] =>
  sortHeads(Array.from({ length: n }, (_, i) => ({ streamId: `loan-${i}`, revision: BigInt(i), hash: String(i % 10).repeat(64) })));

describe('Merkle tree over stream heads', () => {
  it('gives every leaf a path to the root, for even and odd sizes', () => {
    for (let n = 1; n <= 17; n += 1) {
      const leaves = heads(n);
      const root = merkleRoot(leaves);
      leaves.forEach((leaf, index) => expect(rootFromPath(leaf, merklePath(leaves, index))).toBe(root));
    }
  });

  it('changes the root when any head changes, and a leaf never passes for another', () => {
    const leaves = heads(5);
    const root = merkleRoot(leaves);
    expect(merkleRoot(leaves.map((h, i) => (i === 3 ? { ...h, revision: h.revision + 1n } : h)))).not.toBe(root);
    expect(rootFromPath({ ...leaves[2]!, streamId: 'loan-x' }, merklePath(leaves, 2))).not.toBe(root);
    expect(merkleRoot([])).toBe(EMPTY_ROOT);
  });
});
