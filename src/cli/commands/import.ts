import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/config.js';
import { startLeasedProjectors } from '../../eod/loan-book-projector.js';
import { BookRefused } from '../../migration/book-errors.js';
import { importLegacyBook, type ImportReport } from '../../migration/import-book.js';
import type { BookReconciliation } from '../../migration/reconcile-book.js';
import { bookDirectory } from '../../migration/read-book.js';
import { openOfflineServices } from '../../runtime/open-offline-services.js';
import { UsageError, type CliCommand } from '../command.js';

const CATCH_UP_MS = 60_000;

/** The reconciliation table: per loan and in total, outstanding per the file → per lendcore, to the cent. */
export function formatReconciliation(r: BookReconciliation, cutoverDate: string): string[] {
  const width = Math.max(11, ...r.loans.map((l) => l.legacyId.length));
  const cell = (file: string, lendcore: string) => `${file} → ${lendcore}`.padEnd(25);
  const line = (id: string, status: string, row: BookReconciliation['total'], ok: boolean) =>
    `${id.padEnd(width)}  ${status.padEnd(8)}  ${cell(row.file.principal, row.lendcore.principal)}${cell(row.file.interest, row.lendcore.interest)}${cell(row.file.fees, row.lendcore.fees)}${cell(row.file.penalties, row.lendcore.penalties)}${ok ? 'ok' : 'MISMATCH'}`;
  return [
    `reconciliation of outstanding balances at the cut-over ${cutoverDate} (file → lendcore):`,
    `${'legacy loan'.padEnd(width)}  ${'status'.padEnd(8)}  ${'principal'.padEnd(25)}${'interest'.padEnd(25)}${'fees'.padEnd(25)}${'penalties'.padEnd(25)}`,
    ...r.loans.map((l) => line(l.legacyId, l.status, { file: l.file, lendcore: l.lendcore, matches: l.matches }, l.matches)),
    line('TOTAL', '', r.total, r.total.matches),
  ];
}

export function formatImportSummary(report: ImportReport): string {
  const counts = (c: { created: number; existing: number }) => `${c.created} imported, ${c.existing} already there`;
  return `import from ${report.sourceSystem} as of ${report.cutoverDate}: products ${counts(report.products)}; customers ${counts(report.customers)}; loans ${counts(report.loans)}`;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import a legacy lender\'s book (CSV: customers, loans, schedules, transactions, control totals) as of its cut-over date',
  usage: 'lendcore import <directory | a CSV file inside it>   (layout: docs/migration.md; exit 2 when the book is refused)',
  async run(args, io) {
    if (args.length !== 1 || args[0] === undefined || args[0].startsWith('-')) throw new UsageError('give the directory of the legacy book');
    const target = path.resolve(args[0]);
    // A mistyped path is the caller's mistake, not a book with invalid rows (QA: it said the latter).
    if (!existsSync(target)) throw new UsageError(`${target} does not exist: give the directory of the legacy book`);
    const dir = bookDirectory(target);
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a directory: give the directory of the legacy book`);
    const config = loadConfig(io.env);
    const stores = await openOfflineServices(config);
    const { eventStore, readStore } = stores;
    const services = { ...stores, clock: { now: () => new Date(), timeZone: config.timeZone } };
    try {
      const report = await importLegacyBook(services, dir);
      io.out(formatImportSummary(report));
      for (const text of formatReconciliation(report.reconciliation, report.cutoverDate)) io.out(text);
      // Read models and the ledger follow the log: bring them up to date unless a server or worker does.
      const projectors = await startLeasedProjectors(eventStore, readStore, `import-${process.pid}`);
      try {
        if (!(await projectors.waitForPosition('all', await eventStore.headPosition(), CATCH_UP_MS))) io.err('read models are still catching up; a running server or `lendcore project` finishes it');
      } finally {
        await projectors.stop();
      }
      if (!report.reconciliation.total.matches) {
        io.err('lendcore import: some loans do not reconcile with the file (MISMATCH above)');
        return 1;
      }
      return 0;
    } catch (error) {
      if (!(error instanceof BookRefused)) throw error;
      io.err(`lendcore import: refused ${dir}: ${error.message}`);
      return 2;
    } finally {
      await stores.close();
    }
  },
};
