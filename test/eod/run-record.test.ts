import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureRunRecords, lastCompletedDate, saveRun, type EodRunDoc } from '../../src/eod/run-record.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function openStore(): Promise<SqliteReadStore> {
  const dir = mkdtempSync(join(tmpdir(), 'lendcore-runs-'));
  dirs.push(dir);
  const store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  await ensureRunRecords(store);
  return store;
}

const run = (id: string, status: EodRunDoc['status']): EodRunDoc => ({
  id, status, startedAt: `${id}T16:00:00.000Z`, completedAt: status === 'completed' ? `${id}T16:05:00.000Z` : null, resumeAt: null, loansScanned: 0, loansChanged: 0, eventsAppended: 0,
});

describe('lastCompletedDate: how far the book is closed', () => {
  it('is null before any close, the newest date once its run completed, and the newest completed one while a later run is still running', async () => {
    const store = await openStore();
    expect(await lastCompletedDate(store)).toBeNull();
    await saveRun(store, run('2026-02-14', 'completed'), 1n, new Date());
    await saveRun(store, run('2026-02-15', 'completed'), 2n, new Date());
    expect(await lastCompletedDate(store)).toBe('2026-02-15');
    await saveRun(store, run('2026-02-16', 'running'), 3n, new Date());
    expect(await lastCompletedDate(store)).toBe('2026-02-15');
    await saveRun(store, run('2026-02-16', 'completed'), 4n, new Date());
    expect(await lastCompletedDate(store)).toBe('2026-02-16');
    await store.close();
  });

  it('is null while the only run is still running', async () => {
    const store = await openStore();
    await saveRun(store, run('2026-02-14', 'running'), 1n, new Date());
    expect(await lastCompletedDate(store)).toBeNull();
    await store.close();
  });
});
