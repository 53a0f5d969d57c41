import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { anchoredLog, rehashStream, type IntegrityFixture } from './integrity-fixture.js';

let fixture: IntegrityFixture;
afterEach(() => fixture?.cleanup());

async function verifyFindings(): Promise<string> {
  const { code, io } = await fixture.run('verify');
  expect(code).toBe(1);
  return io.stderr.join('\n');
}

describe('lendcore verify against an attacker with the log file', () => {
  it('passes an untouched, anchored log', async () => {
    fixture = await anchoredLog();
    const { code, io } = await fixture.run('verify');
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout).toEqual([
      'verify ok: 2 streams, 4 events, 1 checkpoints, 0 snapshots, 0 idempotency records; every chain, head, checkpoint and record intact',
      'anchored up to position 4; 0 event(s) after it are covered by chains and head MACs only',
      'ledger not checked: no general-ledger read model was ever built over this log (head 4); build it with lendcore replay --projection general-ledger (or start the server), then verify again',
    ]);
  });

  it('names an edited event', async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => db.prepare(`UPDATE events SET data = '{"flag":"aml","reason":"edited"}' WHERE stream_id = 'customer-1' AND revision = 1`).run());
    expect(await verifyFindings()).toMatch(/BROKEN customer-1 at revision 1 \(event [0-9a-f-]+\): hash_mismatch/);
  });

  it("names a stream's deleted last event, with or without the head row moved back", async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => db.prepare(`DELETE FROM events WHERE stream_id = 'customer-1' AND revision = 2`).run());
    expect(await verifyFindings()).toContain('BROKEN customer-1 at revision 2: head_mismatch');
    fixture.tamper((db) => rehashStream(db, 'customer-1', 1n));
    const findings = await verifyFindings();
    expect(findings).toContain('BROKEN customer-1 at revision 2: tail_missing');
    expect(findings).toContain('BROKEN customer-1 at revision 1: head_unauthenticated');
  });

  it('names a deleted stream', async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => {
      db.prepare(`DELETE FROM events WHERE stream_id = 'customer-2'`).run();
      db.prepare(`DELETE FROM streams WHERE stream_id = 'customer-2'`).run();
    });
    const findings = await verifyFindings();
    expect(findings).toContain('BROKEN customer-2 at revision 0: stream_missing');
    expect(findings).toContain('BROKEN checkpoint #1: log_digest_mismatch');
  });

  it('names an appended event whose hash was recomputed, even after the last checkpoint', async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => {
      db.prepare(`INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, occurred_at, recorded_at, actor, correlation_id, prev_hash, hash)
        SELECT stream_id, 3, 'forged-event', type, schema_version, '{"flag":"aml","reason":"forged"}', occurred_at, recorded_at, actor, correlation_id, hash, '' FROM events
        WHERE stream_id = 'customer-1' AND revision = 2`).run();
      rehashStream(db, 'customer-1', 3n);
    });
    expect(await verifyFindings()).toContain('BROKEN customer-1 at revision 3: head_unauthenticated');
  });

  it('names a chain rehashed from an edited event on', async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => {
      db.prepare(`UPDATE events SET data = '{"flag":"aml","reason":"edited"}' WHERE stream_id = 'customer-1' AND revision = 1`).run();
      rehashStream(db, 'customer-1', 1n);
    });
    const findings = await verifyFindings();
    expect(findings).toContain('BROKEN customer-1 at revision 2: history_rewritten');
    expect(findings).toContain('BROKEN customer-1 at revision 2: head_unauthenticated');
    expect(findings).toContain('BROKEN checkpoint #1: log_digest_mismatch');
  });

  it('names a renamed stream by both names', async () => {
    fixture = await anchoredLog();
    fixture.tamper((db) => {
      db.prepare(`UPDATE events SET stream_id = 'customer-9' WHERE stream_id = 'customer-2'`).run();
      db.prepare(`UPDATE streams SET stream_id = 'customer-9' WHERE stream_id = 'customer-2'`).run();
    });
    const findings = await verifyFindings();
    expect(findings).toContain('BROKEN customer-2 at revision 0: stream_missing');
    expect(findings).toContain('BROKEN customer-9 at revision 0: stream_not_in_checkpoint');
    expect(findings).toContain('BROKEN customer-9 at revision 0: head_unauthenticated');
  });

  it('names swapped global positions, inside a stream and across streams', async () => {
    fixture = await anchoredLog();
    const swap = (a: number, b: number) => (db: Database.Database) => {
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a, b);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b);
    };
    fixture.tamper(swap(1, 2)); // customer-1 revisions 0 and 1
    expect(await verifyFindings()).toContain('BROKEN customer-1 at revision 1');
    fixture.tamper(swap(1, 2));
    fixture.tamper(swap(3, 4)); // customer-1 revision 2 and customer-2 revision 0: each stream still in order
    const findings = await verifyFindings();
    expect(findings).toContain('BROKEN checkpoint #1: log_digest_mismatch');
    expect(findings).not.toContain('customer-1 at');
  });

  it('names a forged or removed checkpoint', async () => {
    fixture = await anchoredLog();
    const checkpoints = new Database(`${fixture.dir}/checkpoints.db`);
    checkpoints.prepare(`UPDATE checkpoints SET body = replace(body, '"streams":"2"', '"streams":"3"')`).run();
    checkpoints.close();
    const findings = await verifyFindings();
    expect(findings).toContain('BROKEN checkpoint #1: checkpoint_signature');
  });

  it('names an idempotency record edited to answer another request, or pointed elsewhere', async () => {
    fixture = await anchoredLog();
    const store = await openEventStore(loadConfig(fixture.env));
    await store.append('customer-3', [{ type: 'CustomerFlagged', data: { flag: 'aml', reason: 'x' }, occurredAt: '2025-03-01T10:00:00.000Z', actor: { sub: 'officer-1', role: 'officer' }, correlationId: 'c' }],
      'no_stream', { idempotency: { key: 'officer-1:k1', requestHash: 'h1' } });
    await store.close();
    expect((await fixture.run('verify')).code).toBe(0);
    fixture.tamper((db) => db.prepare(`UPDATE idempotency SET request_hash = 'h2'`).run());
    expect(await verifyFindings()).toContain('BROKEN idempotency officer-1:k1: idempotency_mismatch: fails its MAC');
    const reopened = await openEventStore(loadConfig(fixture.env));
    await expect(reopened.findIdempotency('officer-1:k1')).rejects.toMatchObject({ code: 'IDEMPOTENCY_RECORD_INVALID' });
    await reopened.close();
    fixture.tamper((db) => db.prepare(`UPDATE idempotency SET request_hash = 'h1', position = 1`).run());
    expect(await verifyFindings()).toContain('BROKEN idempotency officer-1:k1: idempotency_mismatch: points at customer-3 revision 0 position 1');
  });
});
