import { randomFillSync } from 'node:crypto';

// Random bytes drawn 256 ids at a time (as crypto.randomUUID does): one call into the CSPRNG per id was
// a visible part of sealing a busy close of business.
const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let nextId = POOL_IDS;

/**
 * A UUIDv7 (RFC 9562 §5.7): 48-bit Unix-millisecond timestamp, version 7, variant 10, 74 random
 * bits. Ids sort by creation millisecond; within one millisecond the order is random, which is
 * enough for event ids (the log's order comes from positions, not ids).
 */
export function uuidv7(nowMs: number = Date.now()): string {
  if (nextId === POOL_IDS) {
    randomFillSync(pool);
    nextId = 0;
  }
  // Each slot of the pool is used once, so the id's bytes are written in place.
  const bytes = pool.subarray(16 * nextId, 16 * nextId + 16);
  nextId += 1;
  // `& 0xff` keeps the low 8 bits of the integer part (ToInt32 is modulo 2^32), exact for 48-bit times.
  for (let i = 0; i < 6; i++) bytes[i] = (nowMs / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
