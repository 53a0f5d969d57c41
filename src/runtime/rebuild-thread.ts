import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '../eventstore/sqlite-event-store.js';
import { ALL_EVENT_TYPES } from '../projections/models/event-types.js';
import { rebuildProjections } from '../projections/rebuild.js';
import { SqliteReadStore } from '../readstore/sqlite-read-store.js';
import { projectionsFor } from './projections.js';
import { REBUILD_BUSY_TIMEOUT_MS, type RebuildThreadData, type RebuildThreadMessage } from './threaded-rebuild.js';
import { lendcoreUpcasters } from './upcasters.js';

// Worker-thread entry: rebuilds one group of projections over its own connections to the same
// SQLite files, reporting progress and its result to the thread that started it (threaded-rebuild.ts).
if (!parentPort) throw new Error('rebuild-thread.js runs only as a worker thread');
const host = parentPort;
const data = workerData as RebuildThreadData;
const post = (message: RebuildThreadMessage) => host.postMessage(message);
const abort = new AbortController();
host.on('message', (message: unknown) => {
  if (message === 'abort') abort.abort(new Error('the rebuild was stopped'));
});

const eventStore = SqliteEventStore.open({ path: data.eventStorePath, upcasters: lendcoreUpcasters(), ...(data.macKey ? { macKey: Buffer.from(data.macKey) } : {}) });
const readStore = SqliteReadStore.open({ path: data.readStorePath, busyTimeoutMs: REBUILD_BUSY_TIMEOUT_MS });
try {
  const projections = projectionsFor(eventStore).filter((p) => data.names.includes(p.name));
  if (projections.length !== data.names.length) throw new Error(`unknown projection among ${data.names.join(', ')}`);
  const position = await rebuildProjections({
    eventStore, readStore, projections, knownEventTypes: new Set(ALL_EVENT_TYPES), signal: abort.signal,
    ...(data.batchSize !== undefined ? { batchSize: data.batchSize } : {}),
    onProgress: (progress) => post({ kind: 'progress', processed: progress.processed, total: progress.total }),
  });
  post({ kind: 'done', position: position.toString() });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  await readStore.close();
  await eventStore.close();
  // The abort listener would keep the thread alive; what was posted is still delivered.
  host.close();
}
