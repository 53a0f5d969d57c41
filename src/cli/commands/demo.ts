import { businessDateAt } from '../../app/business-date.js';
import { loadConfig } from '../../config/config.js';
import { runDemo, type DemoProgress, type DemoSummary } from '../../demo/run-demo.js';
import { startLeasedProjectors } from '../../eod/loan-book-projector.js';
import type { ProgressOutput } from '../../projections/progress-bar.js';
import type { ProjectionRunner } from '../../projections/runner.js';
import { openOfflineServices } from '../../runtime/open-offline-services.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

const BAR_WIDTH = 30;

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

export function formatDemoProgress(p: DemoProgress): string {
  const filled = Math.round((p.day / p.days) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${p.date} day ${p.day}/${p.days}, ${p.customers} borrowers`;
}

export function formatDemoSummary(s: DemoSummary): string {
  const statuses = Object.entries(s.loansByStatus).sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status} ${n}`).join(', ');
  return `demo: ${s.customers} customers, loans by status: ${statuses}; ${s.payments} repayments, ${s.events} events, ${s.from} to ${s.to}, in ${(s.durationMs / 1000).toFixed(1)} s`;
}

function progressLine(out: ProgressOutput, every: number): (p: DemoProgress) => void {
  return (p) => {
    if (out.isTTY) out.write(`\r\x1b[2K${formatDemoProgress(p)}${p.day === p.days ? '\n' : ''}`);
    else if (p.day % every === 0 || p.day === p.days) out.write(`${formatDemoProgress(p)}\n`);
  };
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'seed an empty store with products, borrowers and loans, and simulate months of repayments and close of business',
  usage: 'lendcore demo [--customers N (default 200)] [--months M (default 6)] [--seed S (default 1)]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { customers: { type: 'string' }, months: { type: 'string' }, seed: { type: 'string' } });
    const customers = wholeNumber(values.customers, 'customers', 200, 1, 1_000_000);
    const months = wholeNumber(values.months, 'months', 6, 1, 120);
    const seed = wholeNumber(values.seed, 'seed', 1, 0, 2 ** 31);
    const config = loadConfig(io.env);
    const stores = await openOfflineServices(config);
    const { eventStore, readStore } = stores;
    let now = new Date();
    const services = { ...stores, clock: { now: () => now, set: (d: Date) => (now = d), timeZone: config.timeZone } };
    const own: { projectors: ProjectionRunner | null } = { projectors: null };
    try {
      const today = businessDateAt(new Date(), config.timeZone);
      const summary = await runDemo(services, {
        customers, months, seed, today, onProgress: progressLine(io.progress, 30),
        // Once the products are in the log, a running server shows itself by projecting them.
        afterProducts: async () => void (own.projectors = await startLeasedProjectors(eventStore, readStore, `demo-${process.pid}`)),
      });
      io.out(formatDemoSummary(summary));
      io.out(`run "lendcore eod --date ${today}" to close today, or "npm start" and open /docs`);
      return 0;
    } finally {
      await own.projectors?.stop();
      await stores.close();
    }
  },
};
