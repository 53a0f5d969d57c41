import { businessDateAt } from '../../app/business-date.js';
import { loadConfig } from '../../config/config.js';
import type { Actor } from '../../domain/actor.js';
import { dateRefusal } from '../../domain/calendar.js';
import { runCloseOfBusiness, type CloseOfBusinessProgress, type CloseOfBusinessReport } from '../../eod/close-of-business.js';
import { startLeasedProjectors } from '../../eod/loan-book-projector.js';
import type { ProgressOutput } from '../../projections/progress-bar.js';
import { openEventStore, openReadStore } from '../../runtime/open-stores.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

const EOD_ACTOR: Actor = { sub: 'lendcore-eod', role: 'system' };
const BAR_WIDTH = 30;

/** One progress line: the dates closed so far as a bar, then the loans seen and changed. */
export function formatEodProgress(p: CloseOfBusinessProgress): string {
  const filled = Math.round((p.day / p.days) * BAR_WIDTH);
  const rate = p.elapsedMs > 0 ? Math.round((p.loansScanned * 1000) / p.elapsedMs) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${p.date} (day ${p.day}/${p.days}) ${p.loansScanned} loans scanned, ${p.loansChanged} changed, ${p.eventsAppended} events, ${rate} loans/s`;
}

export function formatEodSummary(r: CloseOfBusinessReport): string {
  const days = r.datesClosed.length > 1 ? ` (${r.datesClosed.length} days from ${r.datesClosed[0]})` : '';
  return `closed ${r.date}${days}: ${r.loansScanned} loans scanned, ${r.loansChanged} changed, ${r.eventsAppended} events appended in ${(r.durationMs / 1000).toFixed(1)} s`;
}

/** Redraws one line on a terminal; elsewhere prints one line per date closed. */
export function eodProgressPrinter(out: ProgressOutput): { update(p: CloseOfBusinessProgress): void; done(): void } {
  let lastDate: string | null = null;
  return {
    update(p) {
      if (out.isTTY) out.write(`\r\x1b[2K${formatEodProgress(p)}`);
      else if (p.date !== lastDate) out.write(`${formatEodProgress(p)}\n`);
      lastDate = p.date;
    },
    done() {
      if (out.isTTY) out.write('\n');
    },
  };
}

export const eodCommand: CliCommand = {
  name: 'eod',
  summary: 'close of business for a date: accrual, overdue, penalties, classification (idempotent, resumable)',
  usage: 'lendcore eod --date YYYY-MM-DD [--force]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { date: { type: 'string' }, force: { type: 'boolean', default: false } });
    // Required, as the usage says: closing "today" by default ran a night's close on a mistyped call.
    if (values.date === undefined) throw new UsageError('--date YYYY-MM-DD is required: the business date to close (closes missed dates before it in order)');
    const date = values.date;
    const config = loadConfig(io.env);
    const businessDate = businessDateAt(new Date(), config.timeZone);
    const refusal = dateRefusal(date);
    if (refusal) throw new UsageError(`--date ${date} ${refusal}`);
    const eventStore = await openEventStore(config);
    try {
      const readStore = await openReadStore(config);
      try {
        const projectors = await startLeasedProjectors(eventStore, readStore, `eod-${process.pid}`);
        try {
          const bar = eodProgressPrinter(io.progress);
          const report = await runCloseOfBusiness({ eventStore, readStore, date, businessDate, timeZone: config.timeZone, actor: EOD_ACTOR, force: values.force === true, onProgress: bar.update });
          bar.done();
          io.out(formatEodSummary(report));
          return 0;
        } finally {
          await projectors?.stop();
        }
      } finally {
        await readStore.close();
      }
    } finally {
      await eventStore.close();
    }
  },
};
