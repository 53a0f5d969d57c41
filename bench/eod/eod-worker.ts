import { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { addDays } from '../../src/domain/calendar.js';
import { runCloseOfBusiness } from '../../src/eod/close-of-business.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { PROJECTION_THREAD_ENTRY, serverLeaseOwner } from '../../src/runtime/projection-hosting.js';
import { ProjectionThread, type ProjectionThreadData } from '../../src/runtime/projection-thread-host.js';
import { projectionsFor } from '../../src/runtime/projections.js';
import type { EodReport } from './eod-report.js';

// Worker: closes two business days over the generated book, with the projectors running beside it
// as in the server (in their own worker thread, see hostProjections): the month-end before `businessDate` (every loan accrues) and then
// `businessDate` itself (an ordinary night: only loans falling due are touched).
const [eventsFile, readFile, businessDate, bookLoans] = process.argv.slice(2);
if (!eventsFile || !readFile || !businessDate || !bookLoans) throw new Error('usage: eod-worker <events.db> <readmodels.db> <date> <loans>');
const eventStore = SqliteEventStore.open({ path: eventsFile, synchronous: 'FULL' });
const readStore = SqliteReadStore.open({ path: readFile });
const data: ProjectionThreadData = { eventStorePath: eventsFile, readStorePath: readFile, synchronous: 'FULL', lease: { owner: serverLeaseOwner(), ttlMs: 10_000 } };
const runner = new ProjectionThread({
  spawn: () => new Worker(PROJECTION_THREAD_ENTRY, { workerData: data }),
  projections: projectionsFor(eventStore), eventStore, readStore, logger: pino({ level: 'silent' }),
});
await runner.start();
const unsubscribe = eventStore.onAppend((head) => runner.appended(head));
const close = async (date: string) => {
  const report = await runCloseOfBusiness({
    eventStore, readStore, date, businessDate: date,
    actor: { sub: 'close-of-business', role: 'system' },
    // The month-end's accruals must be projected before the next night picks its loans.
    freshness: { timeoutMs: 30 * 60_000 },
  });
  return { loansScanned: report.loansScanned, eventsAppended: report.eventsAppended, durationMs: report.durationMs };
};
const monthEnd = await close(addDays(businessDate, -1));
const night = await close(businessDate);
unsubscribe();
await runner.stop();
await readStore.close();
await eventStore.close();
const report: EodReport = { bookLoans: Number(bookLoans), monthEnd, night };
process.send?.(report, () => process.exit(0));
