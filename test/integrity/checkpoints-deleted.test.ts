import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { anchoredLog, type IntegrityFixture } from './integrity-fixture.js';

/**
 * A log that was checkpointed does not verify clean without its checkpoints. Deleting
 * `checkpoints.db` made `lendcore verify` report "0 checkpoints" and pass (a tamper test), and
 * an older copy put back passed too. The log now keeps its latest checkpoint's sequence and hash
 * under a MAC, and verify names the checkpoint checkpoints.db no longer holds.
 */
let log: IntegrityFixture;
beforeEach(async () => {
  log = await anchoredLog();
});
afterEach(() => log.cleanup());

const checkpointsFile = () => path.join(log.dir, 'checkpoints.db');
const removeCheckpoints = () => {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(checkpointsFile() + suffix)) rmSync(checkpointsFile() + suffix);
};

async function appendAndCheckpoint(): Promise<void> {
  const store = await openEventStore(loadConfig(log.env));
  await store.append('customer-3', [{ type: 'CustomerFlagged', data: { flag: 'aml', reason: 'x' }, occurredAt: '2025-03-02T10:00:00.000Z', actor: { sub: 'officer-1', role: 'officer' }, correlationId: 'c' }], 'no_stream');
  await store.close();
  expect((await log.run('checkpoint')).code).toBe(0);
}

describe('a checkpointed log whose checkpoints are gone', () => {
  it('fails verify naming the checkpoint checkpoints.db no longer holds', async () => {
    removeCheckpoints();
    const verified = await log.run('verify');
    expect(verified.code).toBe(1);
    expect(verified.io.stderr.join('\n')).toContain('BROKEN checkpoint #1: checkpoints_missing: the log was checkpointed up to checkpoint #1 but checkpoints.db holds none');
  });

  it('stays evident after a new checkpoint chain is started in their place', async () => {
    removeCheckpoints();
    expect((await log.run('checkpoint')).code).toBe(0);
    expect((await log.run('verify')).io.stderr.join('\n')).toContain('checkpoints_missing');
  });

  it('fails verify when an older copy of checkpoints.db is put back', async () => {
    copyFileSync(checkpointsFile(), `${log.dir}/old-checkpoints`);
    await appendAndCheckpoint();
    removeCheckpoints();
    copyFileSync(`${log.dir}/old-checkpoints`, checkpointsFile());
    const verified = await log.run('verify');
    expect(verified.code).toBe(1);
    expect(verified.io.stderr.join('\n')).toContain('BROKEN checkpoint #2: checkpoints_missing: the log was checkpointed up to checkpoint #2 but checkpoints.db ends at #1');
  });

  it('fails verify when the log\'s record of its checkpoint is edited without the key', async () => {
    log.tamper((db) => db.prepare('UPDATE checkpoint_anchor SET sequence = 0').run());
    removeCheckpoints();
    const verified = await log.run('verify');
    expect(verified.code).toBe(1);
    expect(verified.io.stderr.join('\n')).toContain('checkpoint_anchor_unauthenticated');
  });

  it('verifies clean while checkpoints.db holds the checkpoint the log records', async () => {
    await appendAndCheckpoint();
    const verified = await log.run('verify');
    expect(verified.io.stderr).toEqual([]);
    expect(verified.code).toBe(0);
  });
});
