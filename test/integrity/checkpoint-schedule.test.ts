import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/api/logger.js';
import { loadConfig } from '../../src/config/config.js';
import { CheckpointStore } from '../../src/integrity/checkpoint-store.js';
import { resolveIntegrityKeys } from '../../src/integrity/integrity-keys.js';
import { scheduleCheckpoints } from '../../src/integrity/checkpoint-schedule.js';
import { openEventStore } from '../../src/runtime/open-stores.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const flag = (n: number) => ({ type: 'CustomerFlagged', data: { flag: 'aml', reason: `hit ${n}` }, occurredAt: '2025-03-01T10:00:00.000Z', actor: { sub: 'officer-1', role: 'officer' as const }, correlationId: `c-${n}` });

describe('server checkpoints', () => {
  it('signs one at start and one at stop when the log moved, chained to the previous', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'checkpoint-schedule-'));
    dirs.push(dir);
    const config = loadConfig({ LENDCORE_DATA_DIR: dir });
    const store = await openEventStore(config);
    await store.append('customer-1', [flag(0)], 'no_stream');
    const keys = await resolveIntegrityKeys(dir, null);
    const schedule = scheduleCheckpoints({ logFile: path.join(dir, 'lendcore.db'), dataDir: dir, keys, seconds: 0, logger: createLogger('silent') });
    await store.append('customer-2', [flag(1), flag(2)], 'no_stream');
    await schedule.stop();
    await store.close();
    const checkpoints = CheckpointStore.open(dir);
    const all = checkpoints.all();
    checkpoints.close();
    expect(all.map((c) => [c.body.sequence, c.body.position, c.body.streams])).toEqual([['1', '1', '1'], ['2', '3', '2']]);
    expect(all[1]!.body.previous).toBe(all[0]!.hash);
  });
});
