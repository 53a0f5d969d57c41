import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readdirSync, rmSync, statSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/api/logger.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import { captureIo } from '../cli/cli-io.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDataDir(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'safe-start-')), 'data');
  dirs.push(path.dirname(dir));
  return dir;
}

const silent = { logger: createLogger('silent'), routes: [] };

async function logWithCustomer(dir: string): Promise<void> {
  const store = await openEventStore(loadConfig({ LENDCORE_DATA_DIR: dir }));
  for (let i = 0; i < 200; i += 1) {
    await store.append(`customer-${i}`, [{ type: 'CustomerFlagged', data: { flag: 'aml', reason: 'x'.repeat(200) }, occurredAt: '2025-03-01T10:00:00.000Z', actor: { sub: 'o', role: 'officer' }, correlationId: 'c' }], 'no_stream');
  }
  await store.close();
}

describe('safe start', () => {
  it('creates every data file 0600 in a 0700 data dir', async () => {
    const dir = tempDataDir();
    const runtime = await openRuntime(loadConfig({ LENDCORE_DATA_DIR: dir }), silent);
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dir);
      expect(files).toEqual(expect.arrayContaining(['lendcore.db', 'readmodels.db', 'keys.db', 'checkpoints.db', 'master.key', 'jwt-secret', 'signing.key', 'lendcore.db-wal']));
      for (const file of files) expect(statSync(path.join(dir, file)).mode & 0o777, file).toBe(0o600);
    } finally {
      await runtime.close();
    }
  });

  it('refuses to start when keys.db is missing but the log has customers', async () => {
    const dir = tempDataDir();
    await logWithCustomer(dir);
    const io = captureIo({ LENDCORE_DATA_DIR: dir });
    expect(await main(['serve'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(`${path.join(dir, 'keys.db')} is missing but the event log has customers: restore keys.db from your backup`);
  });

  it('refuses to start with a master key that does not open keys.db, or without master.key', async () => {
    const dir = tempDataDir();
    await (await openRuntime(loadConfig({ LENDCORE_DATA_DIR: dir }), silent)).close();
    await expect(openRuntime(loadConfig({ LENDCORE_DATA_DIR: dir, LENDCORE_MASTER_KEY: randomBytes(32).toString('base64') }), silent))
      .rejects.toThrow(`${path.join(dir, 'keys.db')}: the master key does not open this key store`);
    unlinkSync(path.join(dir, 'master.key'));
    await expect(openRuntime(loadConfig({ LENDCORE_DATA_DIR: dir }), silent)).rejects.toThrow(`${path.join(dir, 'master.key')} is missing but ${path.join(dir, 'keys.db')} exists`);
  });

  it('refuses to start on an event log that fails its integrity check', async () => {
    const dir = tempDataDir();
    await logWithCustomer(dir);
    const logFile = path.join(dir, 'lendcore.db');
    const fd = openSync(logFile, 'r+');
    // Page 1 (the schema) stays readable so the file still opens; every b-tree page after it is garbage.
    const pageSize = 4096;
    const size = statSync(logFile).size;
    expect(size / pageSize).toBeGreaterThan(4);
    writeSync(fd, Buffer.alloc(size - pageSize, 0xff), 0, size - pageSize, pageSize);
    closeSync(fd);
    await expect(openRuntime(loadConfig({ LENDCORE_DATA_DIR: dir }), silent)).rejects.toThrow(`${logFile} fails its integrity check`);
  });

  it('answers /ready 503 naming keys.db when it disappears under a running server', async () => {
    const dir = tempDataDir();
    const runtime = await openRuntime(loadConfig({ LENDCORE_DATA_DIR: dir }), silent);
    try {
      expect((await runtime.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      unlinkSync(path.join(dir, 'keys.db'));
      const ready = await runtime.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['content-type']).toContain('application/problem+json');
      expect(ready.json().detail).toContain(`${path.join(dir, 'keys.db')} was removed while the server runs`);
    } finally {
      await runtime.close();
    }
  });
});
