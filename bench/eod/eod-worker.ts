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

// Worker: closes three business days over the generated book, with the projectors running beside it
// as in the server (in their own worker thread, see hostProjections): the book's first close, two nights
// before `businessDate` (it judges every loan's nights since its disbursement, as the first close of a
// migrated book does, once), then the month-end (every loan accrues, on a book closed the night before,
// as every month-end after the first) and then `businessDate` itself (an ordinary night: only loans
// falling due are touched).
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
const firstClose = await close(addDays(businessDate, -2));
const monthEnd = await close(addDays(businessDate, -1));
const night = await close(businessDate);
unsubscribe();
await runner.stop();
await readStore.close();
await eventStore.close();
const report: EodReport = { bookLoans: Number(bookLoans), firstClose, monthEnd, night };
process.send?.(report, () => process.exit(0));
