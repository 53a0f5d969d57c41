import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReadStoreLocation } from '../../src/config/store-url.js';
import type { ReadStore } from '../../src/readstore/port.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';

/** A throwaway read store beside the live one, for rebuilding into without touching it. */
export interface ScratchReadStore {
  store: ReadStore;
  /** Where it lives, for messages: a file path or a MongoDB database name. */
  where: string;
  /** Closes and deletes it (the temp file, or the temp database). */
  discard(): Promise<void>;
}

/**
 * Opens an empty scratch store of the same engine as `live`: a SQLite file in a fresh temp
 * folder, or a temp database on the same MongoDB server (so the comparison is engine to engine).
 */
export async function openScratchReadStore(live: ReadStoreLocation): Promise<ScratchReadStore> {
  if (live.kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'lendcore-replay-check-'));
    const file = path.join(dir, 'readmodels.db');
    const store = SqliteReadStore.open({ path: file });
    return {
      store,
      where: file,
      async discard() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { MongoReadStore } = await import('../../src/readstore/mongo-read-store.js');
  const { MongoClient } = await import('mongodb');
  // Unique per run, so two checks against one server never share a scratch database.
  const database = `lendcore_replay_check_${process.pid}_${Date.now()}`;
  const store = await MongoReadStore.connect(live.url, database);
  return {
    store,
    where: `database ${database}`,
    async discard() {
      await store.close();
      const client = await MongoClient.connect(live.url);
      try {
        await client.db(database).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
