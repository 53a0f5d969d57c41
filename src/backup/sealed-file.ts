import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM under the master key, `name` bound as associated data so one sealed file cannot
 * be restored as another. Layout: iv (12) ‖ tag (16) ‖ ciphertext.
 */
export function sealFile(masterKey: Buffer, name: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(`lendcore backup ${name}`, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Reverses sealFile; throws a sentence naming the file when the master key (or the bytes) do not match. */
export function openSealedFile(masterKey: Buffer, name: string, sealed: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`lendcore backup ${name}`, 'utf8'));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new Error(`${name}: the master key does not open it (use the master.key the backup was taken with)`);
  }
}
