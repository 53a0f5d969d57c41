import { copyFileSync, readdirSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import type { CustomerRegistered } from '../../src/domain/customer/events.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { PiiVault } from '../../src/vault/pii-vault.js';
import { SqliteKeyStore } from '../../src/vault/sqlite-key-store.js';
import { nationalIdOf } from '../api/commands/journey-steps.js';
import { CUSTOMER } from '../api/queries/journey.js';
import { captureIo } from '../cli/cli-io.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';

let t: TestApp;
let scratch: string;
beforeAll(async () => {
  t = await openTestApp();
  scratch = mkdtempSync(path.join(tmpdir(), 'backup-test-'));
});
afterAll(async () => {
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

const run = async (env: NodeJS.ProcessEnv, ...argv: string[]) => {
  const io = captureIo(env);
  return { code: await main(argv, io), io };
};

describe('lendcore backup and restore', () => {
  it('backs up under write load; the restore verifies and holds every command acknowledged before the backup began', async () => {
    const acknowledged: string[] = [];
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        const id = `c${(n += 1)}`;
        const response = await t.call(STAFF.officer, 'POST', '/v1/customers', { customerId: id, ...CUSTOMER, name: `Customer ${id}`, nationalId: nationalIdOf(id) });
        if (response.statusCode === 201) acknowledged.push(id);
      }
    };
    const writers = [writer(), writer(), writer()];
    while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = [...acknowledged];
    const backupDir = path.join(scratch, 'backup');
    const backup = await run({ LENDCORE_DATA_DIR: t.dataDir }, 'backup', backupDir, '--read-models');
    writing = false;
    await Promise.all(writers);
    expect(backup.io.stderr).toEqual([]);
    expect(backup.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as { files: { name: string }[] };
    expect(manifest.files.map((f) => f.name)).toEqual(['lendcore.db', 'checkpoints.db', 'keys.db.sealed', 'signing.key.sealed', 'users.db.sealed', 'blind-index.db', 'readmodels.db']);
    // Nothing in the folder the manifest does not list (QA found the copies' -wal and -shm files).
    expect(readdirSync(backupDir).sort()).toEqual([...manifest.files.map((f) => f.name), 'manifest.json'].sort());
    expect(acknowledged.length).toBeGreaterThan(before.length); // writes went on during the backup

    const restoredDir = path.join(scratch, 'restored');
    mkdirSync(restoredDir, { mode: 0o700 });
    copyFileSync(path.join(t.dataDir, 'master.key'), path.join(restoredDir, 'master.key'));
    const restored = await run({ LENDCORE_DATA_DIR: restoredDir }, 'restore', backupDir);
    expect(restored.io.stderr).toEqual([]);
    expect(restored.code).toBe(0);
    expect(restored.io.stdout[1]).toMatch(/^verify ok: /);
    // Accounts and the customer search index come back too.
    expect(existsSync(path.join(restoredDir, 'users.db')) && existsSync(path.join(restoredDir, 'blind-index.db'))).toBe(true);

    const config = loadConfig({ LENDCORE_DATA_DIR: restoredDir });
    const store = await openEventStore(config);
    const masterKey = Buffer.from(readFileSync(path.join(restoredDir, 'master.key'), 'utf8').trim(), 'base64');
    const keys = SqliteKeyStore.open({ path: path.join(restoredDir, 'keys.db'), masterKey });
    const vault = new PiiVault(keys);
    try {
      for (const id of before) {
        const [registered] = await store.readStream(`customer-${id}`, { maxCount: 1 });
        expect(registered?.type, id).toBe('CustomerRegistered');
        const data = registered!.data as CustomerRegistered['data'];
        expect(await vault.open(id, data.profile.name)).toBe(`Customer ${id}`);
      }
    } finally {
      await keys.close();
      await store.close();
    }
  });

  it('refuses a damaged backup, a non-empty data dir and a wrong master key, naming the file', async () => {
    const backupDir = path.join(scratch, 'backup2');
    expect((await run({ LENDCORE_DATA_DIR: t.dataDir }, 'backup', backupDir)).code).toBe(0);
    expect((await run({ LENDCORE_DATA_DIR: t.dataDir }, 'backup', backupDir)).io.stderr[0]).toContain(`${backupDir} is not empty`);

    const wrongKey = path.join(scratch, 'wrong-key');
    mkdirSync(wrongKey);
    writeFileSync(path.join(wrongKey, 'master.key'), Buffer.alloc(32, 1).toString('base64'));
    expect((await run({ LENDCORE_DATA_DIR: wrongKey }, 'restore', backupDir)).io.stderr[0]).toContain('keys.db.sealed: the master key does not open it');

    const occupied = path.join(scratch, 'occupied');
    mkdirSync(occupied);
    copyFileSync(path.join(t.dataDir, 'master.key'), path.join(occupied, 'master.key'));
    writeFileSync(path.join(occupied, 'lendcore.db'), '');
    expect((await run({ LENDCORE_DATA_DIR: occupied }, 'restore', backupDir)).io.stderr[0]).toContain(`${occupied} is not empty (lendcore.db)`);

    const log = path.join(backupDir, 'lendcore.db');
    writeFileSync(log, Buffer.concat([readFileSync(log), Buffer.from('x')]));
    const damaged = path.join(scratch, 'damaged');
    mkdirSync(damaged);
    copyFileSync(path.join(t.dataDir, 'master.key'), path.join(damaged, 'master.key'));
    expect((await run({ LENDCORE_DATA_DIR: damaged }, 'restore', backupDir)).io.stderr[0]).toContain(`${log} does not match the manifest`);
  });
});
