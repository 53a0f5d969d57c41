import path from 'node:path';
import { runWorker } from '../child/spawn-worker.js';
import { generateLog, loanStories, shapeFor, type GeneratedLog } from '../data/generate-log.js';
import type { Measurement } from '../figure.js';
import { eventsPerSecond, type ReplayReport } from '../replay/replay-report.js';
import { median } from '../stats.js';
import type { Suite } from '../suite.js';
import { unmeasured } from '../unmeasured.js';
import { measureCloseOfBusiness } from '../eod/close-of-business.js';
import { writeLoanSnapshots } from '../data/loan-snapshots.js';

async function scanRate(eventsFile: string, runs: number): Promise<number> {
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) rates.push(eventsPerSecond(await runWorker<ReplayReport>('replay/scan-worker', [eventsFile])));
  return median(rates);
}

/** One rebuild: at a million events it is the run's longest figure, so it is not repeated. */
async function rebuild(eventsFile: string, readFile: string): Promise<Measurement[]> {
  const report = await runWorker<ReplayReport>('replay/rebuild-worker', [eventsFile, readFile]);
  return [
    { name: 'rebuild.all', measured: eventsPerSecond(report) },
    { name: 'memory.rebuild.rss', measured: report.peakRssMiB },
  ];
}

/**
 * One generated portfolio (BENCH_EOD_LOANS loans, about BENCH_EVENTS events) serves the raw scan,
 * the rebuild over it, and then close of business over its loans and the rebuilt read models.
 */
export const logSuite: Suite = {
  name: 'log',
  figures: ['scan.raw', 'rebuild.all', 'memory.rebuild.rss', 'eod.loans', 'eod.first-close.loans', 'eod.events-per-loan'],
  async run(config, workDir) {
    const eventsFile = path.join(workDir, 'log.db');
    const readFile = path.join(workDir, 'log-readmodels.db');
    const started = Date.now();
    const shape = shapeFor(config.events, config.eodLoans);
    const log: GeneratedLog = generateLog(eventsFile, shape);
    const snapshots = await writeLoanSnapshots(eventsFile, loanStories(shape));
    console.log(`  generated ${log.events} events and ${snapshots} loan snapshots over ${log.loanIds.length} loans in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const figures: Measurement[] = [{ name: 'scan.raw', measured: await scanRate(eventsFile, config.runs) }];
    figures.push(...(await rebuild(eventsFile, readFile).catch((error: unknown) => unmeasured(['rebuild.all', 'memory.rebuild'], error))));
    figures.push(...(await measureCloseOfBusiness(eventsFile, readFile, log).catch((error: unknown) => unmeasured(['eod'], error))));
    return figures;
  },
};
