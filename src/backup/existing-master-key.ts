import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { MASTER_KEY_FILE } from '../config/secrets.js';

/** LENDCORE_MASTER_KEY, else `<dataDir>/master.key`; never creates one (a new key opens no backup). */
export function existingMasterKey(config: Config): Buffer {
  if (config.masterKey !== null) return config.masterKey;
  const file = path.join(config.dataDir, MASTER_KEY_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: put the master.key the backup was taken with there, or set LENDCORE_MASTER_KEY`);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold 32 base64-encoded bytes`);
  return key;
}
