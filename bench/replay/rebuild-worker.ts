import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import { rebuildProjections } from '../../src/projections/rebuild.js';
import { projectionsFor } from '../../src/runtime/projections.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { peakRssMiB } from '../child/spawn-worker.js';
import { msSince } from '../stats.js';
import type { ReplayReport } from './replay-report.js';

// Worker: rebuilds every read model from position 0 over the generated log, into a fresh read
// store, exactly as `lendcore replay` does after a schema change; reports the rate and its peak RSS.
const [eventsFile, readFile] = process.argv.slice(2);
if (!eventsFile || !readFile) throw new Error('usage: rebuild-worker <events.db> <readmodels.db>');
const eventStore = SqliteEventStore.open({ path: eventsFile, synchronous: 'FULL' });
const readStore = SqliteReadStore.open({ path: readFile });
let processed = 0;
const start = process.hrtime.bigint();
await rebuildProjections({
  eventStore, readStore, projections: projectionsFor(eventStore),
  knownEventTypes: new Set(ALL_EVENT_TYPES),
  onProgress: (progress) => (processed = progress.processed),
});
const ms = msSince(start);
await readStore.close();
await eventStore.close();
const report: ReplayReport = { events: processed, ms, peakRssMiB: peakRssMiB() };
process.send?.(report, () => process.exit(0));
