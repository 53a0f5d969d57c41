import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { integrityKeysFromSeed } from '../../src/integrity/integrity-keys.js';
import { verifySqliteLog } from '../../src/integrity/verify-sqlite-log.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { captureIo } from '../cli/cli-io.js';

const SEED = Buffer.alloc(32, 3);
const F = 'f'.repeat(64);
const E = 'e'.repeat(64);

// One SET clause per stored column of `events`, each making the value differ from what is there.
const EDITS = {
  position: '(SELECT max(position) FROM events) + 7',
  stream_id: `stream_id || '-moved'`,
  revision: 'revision + 100',
  event_id: `'forged-' || event_id`,
  type: `type || 'X'`,
  schema_version: 'schema_version + 1',
  data: `json_set(data, '$.reason', json_extract(data, '$.reason') || '#')`,
  occurred_at: `occurred_at || '#'`,
  recorded_at: `recorded_at || '#'`,
  actor: `json_set(actor, '$.sub', json_extract(actor, '$.sub') || '#')`,
  correlation_id: `correlation_id || '#'`,
  causation_id: `CASE WHEN causation_id IS NULL THEN 'cause-forged' ELSE NULL END`,
  idempotency_key: `CASE WHEN idempotency_key IS NULL THEN 'officer-1:forged' ELSE NULL END`,
  prev_hash: `CASE WHEN prev_hash = '${F}' THEN '${E}' ELSE '${F}' END`,
  hash: `CASE WHEN hash = '${F}' THEN '${E}' ELSE '${F}' END`,
  hash_version: 'CASE hash_version WHEN 2 THEN 1 ELSE 2 END',
} as const;
type Column = keyof typeof EDITS;
// The edit moves the event out of its place in the stream, so the first broken link may be the event after it.
const MOVES: Column[] = ['stream_id', 'revision'];

const event = fc.record({
  reason: fc.string({ maxLength: 6 }),
  correlationId: fc.string({ minLength: 1, maxLength: 6 }),
  causationId: fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: null }),
  idempotencyKey: fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: null }),
});
const log = fc.array(fc.array(event, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });

/** Appends each stream's events one by one (streams interleave only by stream), then signs a checkpoint of it all. */
async function writeLog(dir: string, streams: { reason: string; correlationId: string; causationId: string | null; idempotencyKey: string | null }[][]): Promise<void> {
  const env = { LENDCORE_DATA_DIR: dir, LENDCORE_SIGNING_KEY: SEED.toString('base64') };
  const store = await openEventStore(loadConfig(env));
  for (const [n, events] of streams.entries()) {
    for (const e of events) {
      await store.append(`customer-${n}`, [{
        type: 'CustomerFlagged', data: { flag: 'aml', reason: e.reason }, occurredAt: '2025-03-01T10:00:00.000Z', actor: { sub: 'officer-1', role: 'officer' },
        correlationId: e.correlationId, causationId: e.causationId, idempotencyKey: e.idempotencyKey,
      }], 'any');
    }
  }
  await store.close();
  const io = captureIo(env);
  if ((await main(['checkpoint'], io)) !== 0) throw new Error(io.stderr.join('\n'));
}

describe('lendcore verify over a random log', () => {
  it('detects any single-field edit of any stored event, and names the event unless the edit moved it', async () => {
    const keys = integrityKeysFromSeed(SEED);
    await fc.assert(
      fc.asyncProperty(log, fc.nat(), fc.constantFrom(...(Object.keys(EDITS) as Column[])), async (streams, pick, column) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'single-edit-'));
        try {
          await writeLog(dir, streams);
          const file = path.join(dir, 'lendcore.db');
          expect(verifySqliteLog(file, dir, keys).findings).toEqual([]);
          const db = new Database(file);
          db.defaultSafeIntegers(true);
          const positions = db.prepare<[], { position: bigint }>('SELECT position FROM events ORDER BY position').all();
          const position = positions[pick % positions.length]!.position;
          const before = db.prepare<[bigint], { stream_id: string }>('SELECT stream_id FROM events WHERE position = ?').get(position)!;
          db.prepare(`UPDATE events SET ${column} = ${EDITS[column]} WHERE position = ?`).run(position);
          const after = db.prepare<[], { event_id: string; stream_id: string; revision: bigint }>(
            `SELECT event_id, stream_id, revision FROM events WHERE ${column === 'position' ? 'position = (SELECT max(position) FROM events)' : `position = ${position}`}`,
          ).get()!;
          db.close();

          const findings = verifySqliteLog(file, dir, keys).findings;
          expect(findings.length, `${column} edit of position ${position}`).toBeGreaterThan(0);
          if (column === 'position') return;
          const named = MOVES.includes(column)
            ? findings.some((f) => f.subject === before.stream_id || f.subject === after.stream_id)
            : findings.some((f) => f.eventId === after.event_id && f.subject === after.stream_id && f.revision === after.revision);
          expect(named, `${column} edit of ${after.stream_id}@${after.revision}: ${JSON.stringify(findings.map((f) => [f.kind, f.subject, f.eventId]))}`).toBe(true);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: 20261130, numRuns: 60 },
    );
  }, 120_000);
});
