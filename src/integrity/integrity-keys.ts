import { createPrivateKey, createPublicKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SIGNING_KEY_FILE = 'signing.key';

/**
 * The keys that make the log tamper-evident from outside it: an Ed25519 pair that signs
 * checkpoints, and an HMAC-SHA256 key (derived from the same 32-byte seed with HKDF, so one secret
 * is backed up) that authenticates stream heads, snapshots and idempotency records.
 */
export interface IntegrityKeys {
  signingKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, what a third party needs to check a checkpoint or a proof. */
  publicKeyPem: string;
  /** 32 bytes, HMAC-SHA256 key; never stored, derived on open. */
  macKey: Buffer;
}

// DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows it (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The keys from a 32-byte seed. */
export function integrityKeysFromSeed(seed: Buffer): IntegrityKeys {
  if (seed.length !== 32) throw new Error('the signing key seed must be 32 bytes');
  const signingKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(signingKey);
  const macKey = Buffer.from(hkdfSync('sha256', seed, 'lendcore', 'lendcore integrity mac v1', 32));
  return { signingKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), macKey };
}

/**
 * LENDCORE_SIGNING_KEY (base64 of a 32-byte seed) wins; otherwise `<dataDir>/signing.key`, created
 * on first use as 32 random bytes in base64, mode 0600. Losing it means new checkpoints start a
 * chain old ones cannot vouch for, and every stored MAC reads as tampered.
 */
export async function resolveIntegrityKeys(dataDir: string, fromEnv: Buffer | null): Promise<IntegrityKeys> {
  if (fromEnv !== null) return integrityKeysFromSeed(fromEnv);
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists, so two processes starting together never overwrite each other's key.
    await writeFile(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const seed = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (seed.length !== 32) throw new Error(`${file} does not hold 32 base64-encoded bytes; restore it from backup or set LENDCORE_SIGNING_KEY`);
  return integrityKeysFromSeed(seed);
}
