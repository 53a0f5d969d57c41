import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/api/logger.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { DEMO_HINT, openRuntime } from '../../src/runtime/open-runtime.js';
import { captureIo } from './cli-io.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'runtime-'));
  dirs.push(dir);
  return dir;
}

function capturingLogger(lines: string[]) {
  return createLogger('info', new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }));
}

describe('openRuntime (embedded)', () => {
  it('opens log, read models and keys as separate files, serves /ready, offers the demo on an empty log, closes', async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const runtime = await openRuntime(loadConfig({ LENDCORE_DATA_DIR: dir }), { logger: capturingLogger(lines), routes: [] });
    try {
      for (const file of ['lendcore.db', 'readmodels.db', 'keys.db', 'jwt-secret', 'master.key']) expect(statSync(path.join(dir, file)).isFile(), file).toBe(true);
      expect(runtime.projections).not.toBeNull();
      const ready = await runtime.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect(lines.some((l) => l.includes(DEMO_HINT))).toBe(true);
      const sealed = await runtime.vault.seal('c1', 'secret');
      expect(await runtime.vault.open('c1', sealed)).toBe('secret');
    } finally {
      await runtime.close();
      await runtime.close();
    }
  });

  it('runs without projectors when LENDCORE_PROJECTORS=off', async () => {
    const runtime = await openRuntime(loadConfig({ LENDCORE_DATA_DIR: tempDir(), LENDCORE_PROJECTORS: 'off' }), { logger: capturingLogger([]) });
    expect(runtime.projections).toBeNull();
    await runtime.close();
  });
});

describe('lendcore replay', () => {
  it('rebuilds the named projection with a progress bar and reports the position', async () => {
    const dir = tempDir();
    const store = SqliteEventStore.open({ path: path.join(dir, 'lendcore.db') });
    await store.append('customer-1', [{
      type: 'CustomerFlagged', data: { flag: 'aml', reason: 'hit' }, occurredAt: '2025-03-01T10:00:00.000Z',
      actor: { sub: 'officer-1', role: 'officer' }, correlationId: 'corr-1',
    }], 'no_stream');
    await store.close();
    const io = captureIo({ LENDCORE_DATA_DIR: dir });
    expect(await main(['replay', '--projection', 'product-catalog'], io), io.stderr.join('\n')).toBe(0);
    expect(io.stdout).toEqual(['replayed product-catalog up to position 1']);
    expect(io.stderr.join('')).toContain('1/1 events');
  });

  it('refuses to rebuild the audit trail over a SQLite log, which answers audit queries itself', async () => {
    const dir = tempDir();
    await SqliteEventStore.open({ path: path.join(dir, 'lendcore.db') }).close();
    const io = captureIo({ LENDCORE_DATA_DIR: dir });
    expect(await main(['replay', '--projection', 'audit-trail'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('audit-trail is not kept over this log');
  });

  it('refuses an unknown projection name with exit 2', async () => {
    const io = captureIo({ LENDCORE_DATA_DIR: tempDir() });
    expect(await main(['replay', '--projection', 'nope'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('no projection named nope');
  });
});
