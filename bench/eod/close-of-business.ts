import { runWorker } from '../child/spawn-worker.js';
import type { GeneratedLog } from '../data/generate-log.js';
import type { Measurement } from '../figure.js';
import { eodFigures, type EodReport } from './eod-report.js';

/**
 * Close of business over the generated book and its rebuilt read models, in its own process with
 * the projectors running (run once: it changes the log). eod.first-close.loans is the book's first
 * close; eod.loans the month-end after it, the night every loan accrues; eod.events-per-loan the
 * ordinary night after that.
 */
export async function measureCloseOfBusiness(eventsFile: string, readFile: string, log: GeneratedLog): Promise<Measurement[]> {
  const report = await runWorker<EodReport>('eod/eod-worker', [eventsFile, readFile, log.businessDate, String(log.loanIds.length)]);
  console.log(`  close of business: first close ${JSON.stringify(report.firstClose)}, month-end ${JSON.stringify(report.monthEnd)}, night ${JSON.stringify(report.night)}`);
  const { loansPerSecond, firstCloseLoansPerSecond, eventsPerLoan } = eodFigures(report);
  return [
    { name: 'eod.loans', measured: loansPerSecond },
    { name: 'eod.first-close.loans', measured: firstCloseLoansPerSecond },
    { name: 'eod.events-per-loan', measured: eventsPerLoan },
  ];
}
