import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../api/commands/journey-steps.js';
import { captureIo } from '../cli/cli-io.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let scratch: string;
let backupDir: string;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, PRODUCT);
  await verifiedCustomer(t, 'cust-bk');
  await activeLoan(t, 'cust-bk', productId, '2024-01-15', '3000.00');
  scratch = mkdtempSync(path.join(tmpdir(), 'tampered-backup-'));
  backupDir = path.join(scratch, 'backup');
  expect((await run({ LENDCORE_DATA_DIR: t.dataDir }, 'backup', backupDir)).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

const run = async (env: NodeJS.ProcessEnv, ...argv: string[]) => {
  const io = captureIo(env);
  return { code: await main(argv, io), io };
};

interface Manifest { format: string; position: string; files: { name: string; bytes: number; sha256: string }[]; mac?: string }

/** A copy of the backup edited by someone with the folder but not the master key: `edit` changes files, then every sum is recomputed. */
function forgedCopy(name: string, edit: (dir: string, manifest: Manifest) => Manifest): string {
  const dir = path.join(scratch, name);
  cpSync(backupDir, dir, { recursive: true });
  const manifestFile = path.join(dir, 'manifest.json');
  const edited = edit(dir, JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest);
  edited.files = edited.files.map((file) => {
    const bytes = readFileSync(path.join(dir, file.name));
    return { name: file.name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  writeFileSync(manifestFile, JSON.stringify(edited, null, 2));
  return dir;
}

/** An empty data dir holding the master key the backup was taken with. */
function emptyDataDir(name: string): string {
  const dir = path.join(scratch, `data-${name}`);
  mkdirSync(dir);
  copyFileSync(path.join(t.dataDir, 'master.key'), path.join(dir, 'master.key'));
  return dir;
}

/** Deletes the loan's stream from a copied log (events and head row), as stop 37's tamper test did. */
function dropLoans(dir: string): void {
  const db = new Database(path.join(dir, 'lendcore.db'));
  db.prepare(`DELETE FROM events WHERE stream_id LIKE 'loan-%'`).run();
  db.prepare(`DELETE FROM streams WHERE stream_id LIKE 'loan-%'`).run();
  db.close();
}

describe('a backup edited without the master key is refused by restore (stop 37: three streams and checkpoints.db dropped, sums recomputed, and restore said "verify ok")', () => {
  it('restores the backup as taken', async () => {
    const { code, io } = await run({ LENDCORE_DATA_DIR: emptyDataDir('clean') }, 'restore', backupDir);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
  });

  it('refuses a manifest whose sums were recomputed after a file was edited or dropped', async () => {
    const forged = forgedCopy('forged', (dir, manifest) => {
      dropLoans(dir);
      rmSync(path.join(dir, 'checkpoints.db'));
      return { ...manifest, files: manifest.files.filter((f) => f.name !== 'checkpoints.db') };
    });
    const { code, io } = await run({ LENDCORE_DATA_DIR: emptyDataDir('forged') }, 'restore', forged);
    expect(code).toBe(1);
    expect(io.stderr[0]).toContain('manifest.json: its MAC does not hold under this master key: the manifest was edited after the backup was taken');
  });

  it('refuses a manifest without a MAC unless the operator accepts it, and then still refuses a log cut short', async () => {
    const downgraded = forgedCopy('downgraded', (dir, { mac: _mac, ...manifest }) => {
      dropLoans(dir);
      return { ...manifest, format: 'lendcore-backup/1' };
    });
    const refused = await run({ LENDCORE_DATA_DIR: emptyDataDir('downgraded') }, 'restore', downgraded);
    expect(refused.code).toBe(1);
    expect(refused.io.stderr[0]).toContain('the manifest carries no MAC (lendcore-backup/1)');
    const accepted = await run({ LENDCORE_DATA_DIR: emptyDataDir('downgraded-accepted') }, 'restore', downgraded, '--unauthenticated-manifest');
    expect(accepted.code).toBe(1);
    expect(accepted.io.stderr[0]).toMatch(/the log ends at position \d+, the manifest recorded \d+: the backup's log was altered/);
  });
});
