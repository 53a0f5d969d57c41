import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAuditEntry, type AuditEntry } from '../../src/eventstore/audit-entry.js';
import type { LogAuditFilter } from '../../src/eventstore/sqlite-audit-index.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';

// The SQLite log answers audit queries itself: every filter and page must give what the audit-trail
// read model would (the envelopes of the matching events, in log order), through its indexes.
describe('the SQLite log as its own audit trail', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-audit-'));
    store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ACTORS = ['officer-olga', 'underwriter-uma', 'borrower-bo'];
  const TYPES = ['CustomerFlagged', 'CustomerUnflagged', 'KycSubmitted'];

  async function appendHistory(appends: { stream: number; actor: number; type: number }[]): Promise<void> {
    for (const a of appends) {
      const actor = ACTORS[a.actor]!;
      await store.append(`customer-${a.stream}`, [{
        type: TYPES[a.type]!, data: { n: 1 }, occurredAt: '2026-01-15T10:00:00.000Z',
        actor: actor.startsWith('borrower') ? { sub: actor, role: 'borrower', customerId: String(a.stream) } : { sub: actor, role: 'officer' },
        correlationId: 'corr',
      }], 'any');
    }
  }

  function pagesOf(filter: Omit<LogAuditFilter, 'cursor'>): AuditEntry[] {
    const seen: AuditEntry[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = store.findAudit({ ...filter, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(filter.limit);
      seen.push(...page.items);
      if (page.nextCursor === null) return seen;
      cursor = page.nextCursor;
    }
  }

  it('pages every filter to exactly the envelopes of the matching events, in log order', async () => {
    const append = fc.record({ stream: fc.nat(3), actor: fc.nat(ACTORS.length - 1), type: fc.nat(TYPES.length - 1) });
    const filter = fc.record({
      stream: fc.option(fc.nat(3), { nil: undefined }),
      actor: fc.option(fc.constantFrom(...ACTORS), { nil: undefined }),
      type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
      limit: fc.integer({ min: 1, max: 7 }),
    });
    await appendHistory(fc.sample(fc.array(append, { minLength: 20, maxLength: 40 }), { numRuns: 1, seed: 7 })[0]!);
    const everything = (await store.readAll({ fromPosition: 0n })).map(toAuditEntry);
    fc.assert(fc.property(filter, (f) => {
      const expected = everything.filter((e) =>
        (f.stream === undefined || e.streamId === `customer-${f.stream}`) && (f.actor === undefined || e.actorSub === f.actor) && (f.type === undefined || e.type === f.type));
      const got = pagesOf({ limit: f.limit, ...(f.stream !== undefined ? { streamId: `customer-${f.stream}` } : {}), ...(f.actor ? { actor: f.actor } : {}), ...(f.type ? { type: f.type } : {}) });
      expect(got).toEqual(expected);
    }), { numRuns: 60 });
  });

  it('bounds the recording time on both ends (inclusive)', async () => {
    await appendHistory([{ stream: 1, actor: 0, type: 0 }, { stream: 2, actor: 1, type: 1 }, { stream: 3, actor: 2, type: 2 }]);
    const all = pagesOf({ limit: 100 });
    const middle = all[1]!.recordedAt;
    expect(pagesOf({ limit: 100, from: middle, to: middle }).every((e) => e.recordedAt === middle)).toBe(true);
    expect(pagesOf({ limit: 100, from: middle })).toEqual(all.filter((e) => e.recordedAt >= middle));
    expect(pagesOf({ limit: 100, to: middle })).toEqual(all.filter((e) => e.recordedAt <= middle));
  });

  it('refuses a cursor it did not issue', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('["position","-1"]').toString('base64url'), Buffer.from('["recordedAt","1","x"]').toString('base64url'),
      // Beyond SQLite's largest position, in the shape this index issues.
      Buffer.from(JSON.stringify(['position', (2n ** 63n).toString(), (2n ** 63n).toString()])).toString('base64url')]) {
      expect(() => store.findAudit({ limit: 5, cursor })).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    }
  });

  it('answers each filter through an index, never by scanning the log', async () => {
    await store.close();
    const db = new Database(join(dir, 'events.db'), { readonly: true });
    const plan = (where: string) => (db.prepare(`EXPLAIN QUERY PLAN SELECT position FROM events WHERE position > 0 AND ${where} ORDER BY position LIMIT 10`).all() as { detail: string }[])
      .map((r) => r.detail).join('; ');
    expect(plan("type = 'X'")).toContain('events_by_type');
    expect(plan("json_extract(actor, '$.sub') = 'x'")).toContain('events_by_actor');
    expect(plan("stream_id = 'x'")).toMatch(/INDEX sqlite_autoindex_events_\d/);
    db.close();
    store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  });
});
