import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defineProduct, disbursedLoan, read, repay, useBusinessClock, verifiedCustomer } from '../api/queries/journey.js';
import { captureIo } from '../cli/cli-io.js';
import { borrower, openTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  await verifiedCustomer(t, 'c1');
  await disbursedLoan(t, 'l1', 'c1');
  // Enough events on the loan for the pipeline to write a snapshot (every 100).
  for (let i = 0; i < 100; i += 1) await repay(t, 'l1', 'c1', '1.00', '2026-01-20', `small-${i}`);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('a snapshot edited on disk', () => {
  it('is refused on load (payoff unchanged, warning logged) and named by verify', async () => {
    const payoff = () => read<{ principal: string; total: string }>(t, borrower('c1'), '/v1/loans/l1/payoff?date=2026-01-20');
    const before = await payoff();
    const db = new Database(path.join(t.dataDir, 'lendcore.db'));
    const snapshot = db.prepare(`SELECT revision, state FROM snapshots WHERE stream_id = 'loan-l1'`).get() as { revision: number; state: string } | undefined;
    expect(snapshot, 'the pipeline wrote a snapshot').toBeDefined();
    // What the attacker did: shrink the balances (every amount of 1 000 or more) the payoff is computed from.
    const edited = snapshot!.state.replace(/"\d{4,}\.\d{2}"/g, '"10.00"');
    expect(edited).not.toBe(snapshot!.state);
    db.prepare(`UPDATE snapshots SET state = ? WHERE stream_id = 'loan-l1'`).run(edited);
    db.close();

    expect(await payoff()).toEqual(before);
    expect(t.logLines.some((line) => line.includes('snapshot refused') && line.includes('loan-l1') && line.includes('fails its MAC'))).toBe(true);

    const io = captureIo({ LENDCORE_DATA_DIR: t.dataDir });
    expect(await main(['verify'], io)).toBe(1);
    expect(io.stderr[0]).toBe(`BROKEN snapshot loan-l1 at revision ${snapshot!.revision}: snapshot_mismatch: its state fails the MAC: it was edited (loading ignores it and replays events)`);
    expect(io.stderr).toHaveLength(2);
  });
});
