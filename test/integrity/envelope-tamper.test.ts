import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { chainHash } from '../../src/eventstore/hash-chain.js';
import { EVENT_COLUMNS, rowToStored, type EventRow } from '../../src/eventstore/sqlite-rows.js';
import { anchoredLog, rehashStream, type IntegrityFixture } from './integrity-fixture.js';

let fixture: IntegrityFixture;
afterEach(() => fixture?.cleanup());

const victim = (db: Database.Database): EventRow =>
  db.prepare<[], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = 'customer-1' AND revision = 1`).get()!;

async function findings(): Promise<string> {
  const { code, io } = await fixture.run('verify');
  expect(code).toBe(1);
  return io.stderr.join('\n');
}

// Each stored column of an event a hash-version-2 hash covers, edited as an attacker with the file would.
const edits: [column: string, sql: string][] = [
  ['recorded_at', `recorded_at = '2031-01-01T00:00:00.000Z'`],
  ['correlation_id', `correlation_id = 'corr-forged'`],
  ['causation_id', `causation_id = 'cause-forged'`],
  ['idempotency_key', `idempotency_key = 'officer-1:forged'`],
  ['event_id', `event_id = 'forged-event-id'`],
  ['type', `type = 'CustomerErased'`],
  ['schema_version', 'schema_version = 2'],
  ['data', `data = '{"flag":"aml","reason":"edited"}'`],
  ['occurred_at', `occurred_at = '2031-01-01T00:00:00.000Z'`],
  ['actor', `actor = '{"role":"admin","sub":"someone-else"}'`],
];

describe('lendcore verify against an edit of any envelope field (hash version 2)', () => {
  it('writes every new event at hash version 2', async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => {
      expect(db.prepare('SELECT DISTINCT hash_version FROM events').all()).toEqual([{ hash_version: 2n }]);
    });
  });

  it.each(edits)('names the event whose %s was edited', async (_column, set) => {
    fixture = await anchoredLog();
    let eventId = '';
    fixture.tamper((db) => {
      db.prepare(`UPDATE events SET ${set} WHERE stream_id = 'customer-1' AND revision = 1`).run();
      eventId = victim(db).event_id;
    });
    const out = await findings();
    expect(out).toContain(`BROKEN customer-1 at revision 1 (event ${eventId}): hash_mismatch`);
  });

  it('names an event whose data no longer parses, instead of failing the whole walk', async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => db.prepare(`UPDATE events SET data = '{not json' WHERE stream_id = 'customer-1' AND revision = 1`).run());
    expect(await findings()).toMatch(/BROKEN customer-1 at revision 1 \(event [0-9a-f-]+\): hash_mismatch: its stored data or actor is not JSON/);
  });

  it('names an event moved to another stream', async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => db.prepare(`UPDATE events SET stream_id = 'customer-9', revision = 0, prev_hash = '${'0'.repeat(64)}' WHERE stream_id = 'customer-1' AND revision = 2`).run());
    expect(await findings()).toMatch(/BROKEN customer-9 at revision 0 \(event [0-9a-f-]+\): hash_mismatch/);
  });

  it('names an event whose hash version was edited, down to 1 or up to one no release wrote', async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => db.prepare(`UPDATE events SET hash_version = 1 WHERE stream_id = 'customer-1' AND revision = 0`).run());
    expect(await findings()).toMatch(/BROKEN customer-1 at revision 0 \(event [0-9a-f-]+\): hash_mismatch/);
    fixture.tamper((db) => db.prepare(`UPDATE events SET hash_version = 3 WHERE stream_id = 'customer-1' AND revision = 0`).run());
    expect(await findings()).toMatch(/BROKEN customer-1 at revision 0 \(event [0-9a-f-]+\): hash_version_unknown/);
  });

  it('does not let a downgrade to version 1 carry a metadata edit, even with the event rehashed at version 1', async () => {
    fixture = await anchoredLog();
    let eventId = '';
    fixture.tamper((db) => {
      db.prepare(`UPDATE events SET correlation_id = 'corr-forged', hash_version = 1 WHERE stream_id = 'customer-1' AND revision = 1`).run();
      eventId = victim(db).event_id;
    });
    expect(await findings()).toContain(`BROKEN customer-1 at revision 1 (event ${eventId}): hash_version_downgrade`);
    // The attacker recomputes the version-1 hash (which leaves correlationId out) and rehashes the rest of the stream.
    fixture.tamper((db) => {
      const row = victim(db);
      const hash = chainHash(row.prev_hash, rowToStored(row));
      db.prepare(`UPDATE events SET hash = ? WHERE event_id = ?`).run(hash, row.event_id);
      db.prepare(`UPDATE events SET prev_hash = ? WHERE stream_id = 'customer-1' AND revision = 2`).run(hash);
      rehashStream(db, 'customer-1', 2n);
    });
    const out = await findings();
    expect(out).toContain(`BROKEN customer-1 at revision 1 (event ${eventId}): hash_version_downgrade`);
    expect(out).toContain('BROKEN customer-1 at revision 2: head_unauthenticated');
    expect(out).toContain('BROKEN customer-1 at revision 2: history_rewritten');
  });

  it("names a stream's first version-2 event relabelled 1 and rehashed, by its head and the checkpoint", async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => {
      db.prepare(`UPDATE events SET recorded_at = '2031-01-01T00:00:00.000Z', hash_version = 1 WHERE stream_id = 'customer-2'`).run();
      rehashStream(db, 'customer-2', 0n);
    });
    const out = await findings();
    expect(out).toContain('BROKEN customer-2 at revision 0: head_unauthenticated');
    expect(out).toContain('BROKEN customer-2 at revision 0: history_rewritten');
  });
});
