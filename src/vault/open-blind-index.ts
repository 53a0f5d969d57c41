import path from 'node:path';
import { BlindIndex, deriveBlindIndexKey } from './blind-index.js';
import { SqliteBlindIndexStore } from './sqlite-blind-index-store.js';

/** The blind index of a data dir: rows in `<dataDir>/blind-index.db`, key derived from the master key. */
export function openBlindIndex(dataDir: string, masterKey: Buffer): BlindIndex {
  return new BlindIndex(SqliteBlindIndexStore.open({ path: path.join(dataDir, 'blind-index.db') }), deriveBlindIndexKey(masterKey));
}
