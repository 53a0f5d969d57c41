import path from 'node:path';
import type { Config } from '../config/config.js';
import { resolveSecrets } from '../config/secrets.js';
import type { EventStore } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';
import { openBlindIndex } from '../vault/open-blind-index.js';
import { PiiVault } from '../vault/pii-vault.js';
import { SqliteKeyStore } from '../vault/sqlite-key-store.js';
import { openEventStore, openReadStore } from './open-stores.js';

/** The stores and vault a CLI command writes through the application services with, and how to close them all. */
export interface OfflineServices {
  eventStore: EventStore;
  readStore: ReadStore;
  vault: PiiVault;
  close(): Promise<void>;
}

/** Opens the log, the read store, the key store and the blind index the config names (a failure closes what it opened). */
export async function openOfflineServices(config: Config): Promise<OfflineServices> {
  const secrets = await resolveSecrets(config);
  const eventStore = await openEventStore(config);
  const readStore = await openReadStore(config).catch(async (error: unknown) => {
    await eventStore.close();
    throw error;
  });
  const keyStore = SqliteKeyStore.open({ path: path.join(config.dataDir, 'keys.db'), masterKey: secrets.masterKey });
  const blindIndex = openBlindIndex(config.dataDir, secrets.masterKey);
  return {
    eventStore, readStore, vault: new PiiVault(keyStore, blindIndex),
    async close() {
      await keyStore.close();
      await blindIndex.close();
      await readStore.close();
      await eventStore.close();
    },
  };
}
