import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { EventStore } from '../eventstore/port.js';
import { SqliteEventStore } from '../eventstore/sqlite-event-store.js';
import { CheckpointStore } from '../integrity/checkpoint-store.js';
import { resolveIntegrityKeys } from '../integrity/integrity-keys.js';
import type { StreamHead } from '../integrity/merkle.js';
import type { ReadStore } from '../readstore/port.js';
import { SqliteReadStore } from '../readstore/sqlite-read-store.js';
import { lendcoreUpcasters } from './upcasters.js';

/**
 * Opens the log the config names; server drivers load only when used, so the embedded start stays
 * light. The SQLite log authenticates heads, snapshots and idempotency records with the integrity
 * key; a refused snapshot goes to `onSnapshotRejected` (default: a warning on stderr).
 */
export async function openEventStore(config: Config, options: { onSnapshotRejected?: (streamId: string, reason: string) => void } = {}): Promise<EventStore> {
  const location = config.eventStore;
  if (location.kind === 'sqlite') {
    const keys = await resolveIntegrityKeys(config.dataDir, config.signingKey);
    return SqliteEventStore.open({
      path: location.path,
      synchronous: config.sqliteSynchronous,
      upcasters: lendcoreUpcasters(),
      macKey: keys.macKey,
      anchoredHead: latestAnchoredHeads(config.dataDir),
      onSnapshotRejected: options.onSnapshotRejected ?? warnSnapshotRejected,
    });
  }
  const { EsdbEventStore } = await import('../eventstore/esdb-event-store.js');
  return EsdbEventStore.connect(location.url, { upcasters: lendcoreUpcasters() });
}

/** Opens the read-model store the config names, creating the SQLite file's folder if needed. */
export async function openReadStore(config: Config): Promise<ReadStore> {
  const location = config.readStore;
  if (location.kind === 'sqlite') {
    mkdirSync(path.dirname(location.path), { recursive: true });
    return SqliteReadStore.open({ path: location.path });
  }
  const { MongoReadStore } = await import('../readstore/mongo-read-store.js');
  return MongoReadStore.connect(location.url);
}

/** The latest checkpoint's head of a stream, read from `<dataDir>/checkpoints.db` once, when first asked (only for a head row without a MAC). */
function latestAnchoredHeads(dataDir: string): (streamId: string) => StreamHead | undefined {
  let heads: Map<string, StreamHead> | null = null;
  return (streamId) => {
    if (heads === null) {
      const store = CheckpointStore.open(dataDir);
      try {
        heads = new Map(store.latestHeads().map((head) => [head.streamId, head]));
      } finally {
        store.close();
      }
    }
    return heads.get(streamId);
  };
}

function warnSnapshotRejected(streamId: string, reason: string): void {
  process.emitWarning(`${streamId}: ${reason}; rebuilt from events instead`, { code: 'LENDCORE_SNAPSHOT_REFUSED' });
}
