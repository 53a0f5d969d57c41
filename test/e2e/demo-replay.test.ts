import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runDemo, type DemoSummary } from '../../src/demo/run-demo.js';
import { compareReadModels, readModelsIdentical } from '../../src/projections/compare/compare-read-models.js';
import { comparisonDifferences } from '../../src/projections/compare/describe-comparison.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { SQLITE_LOG_PROJECTIONS } from '../../src/runtime/projections.js';
import { captureIo } from '../cli/cli-io.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

// Big enough for thousands of loan events across every lifecycle path, small enough for ~30 s here.
const CUSTOMERS = 300;
const MONTHS = 4;

let app: TestApp;
let summary: DemoSummary;
/** Journal entries the live ledger holds once caught up: what a rebuild must give back. */
let journalEntries = 0;
const readModelFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`];

beforeAll(async () => {
  app = await openTestApp();
  const { eventStore, readStore, vault } = app.runtime;
  const clock = { at: new Date(), now: () => clock.at, set: (d: Date) => void (clock.at = d) };
  summary = await runDemo({ eventStore, readStore, vault, clock }, { customers: CUSTOMERS, months: MONTHS, seed: 18, today: '2026-07-01' });
  await app.caughtUp(summary.events);
  for await (const entry of readStore.scan('ledger_journal')) if (entry.id) journalEntries += 1;
  expect(journalEntries).toBeGreaterThan(CUSTOMERS);
}, 180_000);

afterAll(async () => app?.close());

describe('the demo book rebuilt from its log', () => {
  it('replay --check finds a rebuild identical to the live read models while the server runs', async () => {
    const io = captureIo({ LENDCORE_DATA_DIR: app.dataDir });
    expect(await main(['replay', '--check'], io), io.stdout.join('\n')).toBe(0);
    expect(io.stdout).toContain(`  loan_summary: ${CUSTOMERS} documents, identical`);
    expect(io.stdout).toContain(`  ledger_journal: ${journalEntries} documents, identical`);
    expect(io.stdout.join('\n'), 'the SQLite log is its own audit trail').not.toContain('audit_trail');
    expect(io.stdout.at(-1)).toMatch(new RegExp(`^replay check: identical, ${SQLITE_LOG_PROJECTIONS.length} projection\\(s\\) rebuilt from the log to position ${summary.events} `));
  }, 60_000);

  it('dropping every read model and replaying all gives back the same documents', async () => {
    await app.runtime.close();
    const liveFile = path.join(app.dataDir, 'readmodels.db');
    const capturedFile = path.join(app.dataDir, 'captured.db');
    // The captured copy keeps the live documents and checkpoints; then the read models are gone.
    readModelFiles(liveFile).forEach((file, i) => existsSync(file) && copyFileSync(file, readModelFiles(capturedFile)[i]!));
    readModelFiles(liveFile).forEach((file) => rmSync(file, { force: true }));

    const io = captureIo({ LENDCORE_DATA_DIR: app.dataDir });
    expect(await main(['replay', '--projection', 'all'], io), io.stderr.join('\n')).toBe(0);
    expect(io.stdout).toEqual([`replayed ${SQLITE_LOG_PROJECTIONS.map((p) => p.name).join(', ')} up to position ${summary.events}`]);

    const captured = SqliteReadStore.open({ path: capturedFile });
    const rebuilt = SqliteReadStore.open({ path: liveFile });
    try {
      const comparisons = await compareReadModels(captured, rebuilt, SQLITE_LOG_PROJECTIONS);
      expect(comparisonDifferences(comparisons)).toEqual([]);
      expect(readModelsIdentical(comparisons)).toBe(true);
      // Not a vacuous pass: the models compared hold the whole book.
      const documents = new Map(comparisons.flatMap((p) => p.collections.map((c) => [c.collection, c.liveDocuments])));
      expect(documents.get('loan_summary')).toBe(CUSTOMERS);
      expect(documents.get('ledger_journal')).toBe(journalEntries);
      expect(comparisons.every((p) => p.livePosition === summary.events)).toBe(true);
    } finally {
      await Promise.all([captured.close(), rebuilt.close()]);
    }
  }, 60_000);
});
