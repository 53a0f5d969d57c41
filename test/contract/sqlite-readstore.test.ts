import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { readStoreContract } from './readstore.contract.js';

readStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lendcore-readstore-'));
  const store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
