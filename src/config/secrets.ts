import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.js';

export interface Secrets {
  jwtSecret: Buffer;
  masterKey: Buffer;
}

export const JWT_SECRET_FILE = 'jwt-secret';
export const MASTER_KEY_FILE = 'master.key';

/**
 * Secrets from the environment win; otherwise each is read from its file under the data dir,
 * created on first start as 32 random bytes, mode 0600. Losing master.key makes all PII unreadable.
 */
export async function resolveSecrets(config: Config): Promise<Secrets> {
  const jwtSecret = config.jwtSecret ?? (await readOrCreateKeyFile(path.join(config.dataDir, JWT_SECRET_FILE)));
  const masterKey = config.masterKey ?? (await readOrCreateKeyFile(path.join(config.dataDir, MASTER_KEY_FILE)));
  return { jwtSecret, masterKey };
}

async function readOrCreateKeyFile(file: string): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting together never overwrite each other's key.
    await writeFile(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold 32 base64-encoded bytes`);
  return key;
}
