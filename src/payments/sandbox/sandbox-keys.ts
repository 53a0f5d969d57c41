import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SANDBOX_KEY_FILE = 'sandbox-gateway.key';

export interface SandboxKeys {
  /** The simulated gateway's signing key: only the gateway (its page, `lendcore sandbox pay`) uses it. */
  privateKey: KeyObject;
  /** What the sandbox channel verifies notifications with, as a merchant holds a provider's public key. */
  publicKey: KeyObject;
}

/** The sandbox gateway's Ed25519 key pair, from `<dataDir>/sandbox-gateway.key` (PKCS#8 PEM, mode 0600), created on first use. */
export async function sandboxKeys(dataDir: string): Promise<SandboxKeys> {
  const file = path.join(dataDir, SANDBOX_KEY_FILE);
  await mkdir(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    // 'wx': two processes starting together never overwrite each other's key.
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = createPrivateKey(await readFile(file, 'utf8'));
  return { privateKey: stored, publicKey: createPublicKey(stored) };
}
