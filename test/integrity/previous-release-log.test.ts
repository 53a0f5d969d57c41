import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { integrityKeysFromSeed } from '../../src/integrity/integrity-keys.js';
import { verifySqliteLog } from '../../src/integrity/verify-sqlite-log.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { captureIo } from '../cli/cli-io.js';

// A data dir written by the release before hash version 2 (commit 37a6dcb, through its own store and
// `lendcore checkpoint`): customer-1 revisions 0–3 (revision 1 has a causationId), customer-2
// revision 0 appended with an Idempotency-Key, a snapshot of customer-1 at revision 2, one checkpoint
// at position 4, then customer-1 revision 3 at position 5. Its events table has no hash_version column.
const FIXTURE = new URL('./fixtures/v1-log/', import.meta.url);
const SIGNING_KEY = Buffer.alloc(32, 7).toString('base64');

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'v1-log-'));
  copyFileSync(new URL('lendcore.v1.sqlite', FIXTURE), path.join(dir, 'lendcore.db'));
  copyFileSync(new URL('checkpoints.v1.sqlite', FIXTURE), path.join(dir, 'checkpoints.db'));
  env = { LENDCORE_DATA_DIR: dir, LENDCORE_SIGNING_KEY: SIGNING_KEY };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo(env);
  return { code: await main(argv, io), io };
}

function query<T>(sql: string): T[] {
  const db = new Database(path.join(dir, 'lendcore.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const hasVersionColumn = () => query<{ name: string }>("SELECT name FROM pragma_table_info('events')").some((c) => c.name === 'hash_version');
const eventId = (stream: string, revision: number) => query<{ event_id: string }>(`SELECT event_id FROM events WHERE stream_id = '${stream}' AND revision = ${revision}`)[0]!.event_id;

async function proveAndCheck(id: string): Promise<{ format: string; held: string[] }> {
  const proved = await run('prove', id);
  expect(proved.io.stderr).toEqual([]);
  const file = path.join(dir, `${id}.json`);
  writeFileSync(file, proved.io.stdout.join('\n'));
  const publicKey = path.join(dir, 'public.pem');
  writeFileSync(publicKey, (JSON.parse((await run('checkpoint', 'export')).io.stdout.join('\n')) as { publicKey: string }).publicKey);
  const checked = await run('prove', '--check', file, '--public-key', publicKey);
  expect(checked.io.stderr).toEqual([]);
  return { format: (JSON.parse(proved.io.stdout.join('\n')) as { format: string }).format, held: checked.io.stdout };
}

describe('a log written by the release before hash version 2', () => {
  it('verifies clean and proves as it is, read-only (as restore does), before anything migrates it', async () => {
    expect(hasVersionColumn()).toBe(false);
    const report = verifySqliteLog(path.join(dir, 'lendcore.db'), dir, integrityKeysFromSeed(Buffer.from(SIGNING_KEY, 'base64')));
    expect(report).toMatchObject({ streams: 2, events: 5, checkpoints: 1, snapshots: 1, idempotencyRecords: 1, findings: [] });
    expect(await proveAndCheck(eventId('customer-1', 0))).toMatchObject({ format: 'lendcore-inclusion-proof/1' });
    expect(hasVersionColumn()).toBe(false);
    const { code, io } = await run('verify');
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout[0]).toBe('verify ok: 2 streams, 5 events, 1 checkpoints, 1 snapshots, 1 idempotency records; every chain, head, checkpoint and record intact');
  });

  it('still names an edited version-1 event', async () => {
    const db = new Database(path.join(dir, 'lendcore.db'));
    db.prepare(`UPDATE events SET data = '{"flag":"aml","reason":"edited"}' WHERE stream_id = 'customer-1' AND revision = 1`).run();
    db.close();
    const { code, io } = await run('verify');
    expect(code).toBe(1);
    expect(io.stderr).toContain(`BROKEN customer-1 at revision 1 (event ${eventId('customer-1', 1)}): hash_mismatch: the stored hash is not the hash of this event (a field it covers was edited after it was written)`);
  });

  it('keeps working after the upgrade: migrated on open, old records trusted, new events at version 2 in old and new streams', async () => {
    const store = await openEventStore(loadConfig(env));
    expect(hasVersionColumn()).toBe(true);
    expect(query<{ v: bigint }>('SELECT DISTINCT hash_version AS v FROM events')).toEqual([{ v: 1 }]);
    expect(await store.findIdempotency('officer-1:k1')).toMatchObject({ streamId: 'customer-2', revision: 0n });
    expect(await store.readSnapshot('customer-1')).toMatchObject({ revision: 2n, state: { flags: 3 } });
    const flagged = { type: 'CustomerFlagged', data: { flag: 'aml', reason: 'after upgrade' }, occurredAt: '2025-04-01T10:00:00.000Z', actor: { sub: 'officer-1', role: 'officer' as const }, correlationId: 'corr-new', causationId: 'cause-new' };
    await store.append('customer-1', [flagged], 3n);
    await store.append('customer-3', [flagged, flagged], 'no_stream');
    expect(await store.verifyStreams()).toEqual({ streams: 3, events: 8, broken: [] });
    await store.close();
    expect(query<{ stream_id: string; revision: bigint; hash_version: bigint }>('SELECT stream_id, revision, hash_version FROM events ORDER BY position').map((r) => `${r.stream_id}/${r.revision}@v${r.hash_version}`))
      .toEqual(['customer-1/0@v1', 'customer-1/1@v1', 'customer-1/2@v1', 'customer-2/0@v1', 'customer-1/3@v1', 'customer-1/4@v2', 'customer-3/0@v2', 'customer-3/1@v2']);

    expect((await run('checkpoint')).code).toBe(0);
    const verified = await run('verify');
    expect(verified.io.stderr).toEqual([]);
    expect(verified.io.stdout[0]).toBe('verify ok: 3 streams, 8 events, 2 checkpoints, 1 snapshots, 1 idempotency records; every chain, head, checkpoint and record intact');
    // A proof of an old event through the new ones, and of a new one.
    expect(await proveAndCheck(eventId('customer-1', 2))).toMatchObject({ format: 'lendcore-inclusion-proof/2' });
    expect(await proveAndCheck(eventId('customer-3', 0))).toMatchObject({ format: 'lendcore-inclusion-proof/2' });
  });
});
