import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';

let dir: string;
const run = async (...argv: string[]) => {
  const io = captureIo({ LENDCORE_DATA_DIR: dir });
  return { code: await main(argv, io), io };
};
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'verify-advice-'));
  expect((await run('demo', '--customers', '2', '--months', '2', '--seed', '7')).code).toBe(0);
  expect((await run('replay', '--projection', 'general-ledger')).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Stop 37's tamper test: a repayment's amount edited in the log made the ledger differ, and verify advised rebuilding
// the ledger from the altered log, which erases the last record of what was really paid.
it('does not advise rebuilding the ledger from a log that fails its own checks', async () => {
  const db = new Database(path.join(dir, 'lendcore.db'));
  const row = db.prepare(`SELECT position, data FROM events WHERE type = 'RepaymentReceived' ORDER BY position LIMIT 1`).get() as { position: number; data: string };
  const data = JSON.parse(row.data) as { amount: string };
  db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify({ ...data, amount: `1${data.amount}` }), row.position);
  db.close();
  const { code, io } = await run('verify');
  expect(code).toBe(1);
  const err = io.stderr.join('\n');
  expect(err).toContain('hash_mismatch');
  expect(err).toContain('ledger reconciliation failed');
  expect(err).toContain('do not rebuild it, and restore the log from a backup');
  expect(err).not.toContain('lendcore replay --projection general-ledger');
}, 60_000);
