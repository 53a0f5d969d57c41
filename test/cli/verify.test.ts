import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { captureIo } from './cli-io.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function seededStore(): Promise<{ env: NodeJS.ProcessEnv; file: string; eventIds: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'verify-'));
  dirs.push(dir);
  const file = path.join(dir, 'lendcore.db');
  const store = await openEventStore(loadConfig({ LENDCORE_DATA_DIR: dir }));
  const event = (n: number) => ({
    type: 'CustomerFlagged',
    data: { flag: 'aml', reason: `hit ${n}` },
    occurredAt: '2025-03-01T10:00:00.000Z',
    actor: { sub: 'officer-1', role: 'officer' as const },
    correlationId: `corr-${n}`,
  });
  const result = await store.append('customer-1', [event(0), event(1), event(2)], 'no_stream');
  await store.append('customer-2', [event(3)], 'no_stream');
  await store.close();
  return { env: { LENDCORE_DATA_DIR: dir }, file, eventIds: result.events.map((e) => e.eventId) };
}

describe('lendcore verify', () => {
  it('exits 0 with a summary when every chain is intact', async () => {
    const { env } = await seededStore();
    const io = captureIo(env);
    expect(await main(['verify'], io)).toBe(0);
    expect(io.stdout).toEqual([
      'verify ok: 2 streams, 4 events, 0 checkpoints, 0 snapshots, 0 idempotency records; every chain, head, checkpoint and record intact',
      'not anchored: no signed checkpoint yet (run lendcore checkpoint and publish `lendcore checkpoint export`)',
      'ledger not checked: no general-ledger read model was ever built over this log (head 4); build it with lendcore replay --projection general-ledger (or start the server), then verify again',
    ]);
  });

  it('exits 1 naming the stream, revision and event id of a tampered event', async () => {
    const { env, file, eventIds } = await seededStore();
    const db = new Database(file);
    db.prepare(`UPDATE events SET data = ? WHERE stream_id = 'customer-1' AND revision = 1`).run(JSON.stringify({ flag: 'aml', reason: 'edited' }));
    db.close();
    const io = captureIo(env);
    expect(await main(['verify'], io)).toBe(1);
    const stderr = io.stderr.join('\n');
    expect(stderr).toContain(`BROKEN customer-1 at revision 1 (event ${eventIds[1]}): hash_mismatch`);
    expect(stderr).toContain('verify failed: 1 finding(s) in 2 streams, 4 events');
  });
});
