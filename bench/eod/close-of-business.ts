import type { GeneratedLog } from '../data/generate-log.js';
import type { Measurement } from '../figure.js';
import { runCloseOfBusiness } from '../../src/eod/close-of-business.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';

/**
 * Close of business for the generated book's ordinary night (one loan in 28 falls due), at
 * synchronous=FULL over the read models the rebuild left: loans/s is the book closed per second
 * (every active loan is closed by the run, though only the ones due are touched), and events per
 * loan shows that the log grows by the loans that changed, not by the book.
 */
export async function measureCloseOfBusiness(eventsFile: string, readFile: string, log: GeneratedLog): Promise<Measurement[]> {
  const eventStore = SqliteEventStore.open({ path: eventsFile, synchronous: 'FULL' });
  const readStore = SqliteReadStore.open({ path: readFile });
  try {
    const report = await runCloseOfBusiness({
      eventStore, readStore, date: log.businessDate, actor: { sub: 'bench-close-of-business', role: 'system' }, freshness: { timeoutMs: 1_000 },
    });
    const loans = log.loanIds.length;
    console.log(`  close of business ${report.date}: ${report.loansScanned} loans due of ${loans}, ${report.loansChanged} changed, ${report.eventsAppended} events in ${report.durationMs} ms`);
    return [
      { name: 'eod.loans', measured: loans / (Math.max(1, report.durationMs) / 1000) },
      { name: 'eod.events-per-loan', measured: report.eventsAppended / loans },
    ];
  } finally {
    await readStore.close();
    await eventStore.close();
  }
}
