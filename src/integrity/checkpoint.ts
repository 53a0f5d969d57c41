import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../eventstore/canonical-json.js';
import { GENESIS_HASH } from '../eventstore/hash-chain.js';

/**
 * What a checkpoint states, signed as canonicalJSON(body) with Ed25519. Positions and counts are
 * decimal strings (they are 64-bit). `previous` is the `hash` of the checkpoint before it (64
 * zeros for the first), so the checkpoints form their own chain.
 */
export interface CheckpointBody {
  format: 'lendcore-checkpoint/1';
  sequence: string;
  /** Global position of the newest event covered. */
  position: string;
  streams: string;
  /** Merkle root over every stream's head at `position` (src/integrity/merkle.ts). */
  root: string;
  /** Running digest over every event up to `position` in log order (src/integrity/log-digest.ts). */
  logDigest: string;
  previous: string;
  createdAt: string;
}

/** A signed checkpoint as stored and exported. */
export interface SignedCheckpoint {
  body: CheckpointBody;
  /** sha256(canonicalJSON(body)), hex: what the next checkpoint's `previous` names. */
  hash: string;
  /** Ed25519 signature over canonicalJSON(body), base64. */
  signature: string;
}

export const FIRST_PREVIOUS = GENESIS_HASH;

export function checkpointHash(body: CheckpointBody): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function signCheckpoint(body: CheckpointBody, signingKey: KeyObject): SignedCheckpoint {
  const bytes = Buffer.from(canonicalJson(body), 'utf8');
  return { body, hash: checkpointHash(body), signature: sign(null, bytes, signingKey).toString('base64') };
}

/** True when the signature over the body verifies with `publicKey` (a KeyObject or SPKI PEM) and `hash` is the body's. */
export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKey: KeyObject | string): boolean {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const bytes = Buffer.from(canonicalJson(checkpoint.body), 'utf8');
  return checkpoint.hash === checkpointHash(checkpoint.body) && verify(null, bytes, key, Buffer.from(checkpoint.signature, 'base64'));
}
