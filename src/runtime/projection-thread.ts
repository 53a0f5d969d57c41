import { parentPort, workerData } from 'node:worker_threads';
import { Registry } from 'prom-client';
import { SqliteEventStore } from '../eventstore/sqlite-event-store.js';
import { serveProjectionControl } from '../projections/thread/control-server.js';
import { toWireError, type ThreadMessage } from '../projections/thread/messages.js';
import { SqliteReadStore } from '../readstore/sqlite-read-store.js';
import type { ProjectionThreadData } from './projection-thread-host.js';
import { createProjectionRunner } from './projections.js';
import { lendcoreUpcasters } from './upcasters.js';

// Worker-thread entry: its own connections to the same SQLite files, the ProjectionRunner over
// them, and the control protocol towards the HTTP thread (src/runtime/projection-thread-host.ts).
if (!parentPort) throw new Error('projection-thread.js runs only as a worker thread');
const host = parentPort;
const data = workerData as ProjectionThreadData;
const post = (message: ThreadMessage) => host.postMessage(message);

try {
  const eventStore = SqliteEventStore.open({ path: data.eventStorePath, synchronous: data.synchronous, upcasters: lendcoreUpcasters(), ...(data.macKey ? { macKey: Buffer.from(data.macKey) } : {}) });
  const readStore = SqliteReadStore.open({ path: data.readStorePath });
  // Metrics are kept by the host from status(); this registry only satisfies the runner.
  const runner = createProjectionRunner({ eventStore, readStore, registry: new Registry(), lease: data.lease });
  serveProjectionControl(host, runner, {
    onAppended: () => eventStore.wakeSubscriptions(),
    onStopped: async () => {
      await readStore.close();
      await eventStore.close();
    },
  });
  await runner.start();
  post({ kind: 'started' });
} catch (error) {
  post({ kind: 'start-failed', error: toWireError(error) });
}
