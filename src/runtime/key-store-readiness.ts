import { existsSync } from 'node:fs';
import type { SqliteKeyStore } from '../vault/sqlite-key-store.js';

/**
 * /ready for the key store of a running server: the file must still be on disk (an open
 * connection keeps working on a deleted file, and everything is lost at the next restart) and the
 * master key must still open its key-check value.
 */
export function keyStoreReadiness(file: string, keyStore: SqliteKeyStore): () => Promise<string | null> {
  return async () => {
    if (!existsSync(file)) return `${file} was removed while the server runs: restore it from backup before any restart (the open copy still serves)`;
    if (!keyStore.masterKeyOpens()) return `${file}: the master key no longer opens the key store; restore master.key and keys.db from one backup`;
    return null;
  };
}
