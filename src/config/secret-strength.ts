/**
 * Estimated entropy of a secret in bits: its length times the Shannon entropy of its own
 * character frequencies. Crude, but it is what refuses `xxxx…` or `aaaabbbb…` (a handful of
 * bits) while any 32 random bytes, hex or base64 encoded (≥ 150 bits), pass.
 */
export function estimatedEntropyBits(secret: string): number {
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}

/** What an HS256 secret must reach: 128 bits, the strength of the hash it keys at the very least. */
export const MIN_SECRET_ENTROPY_BITS = 128;
