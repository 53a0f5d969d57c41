import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import type { Decider, DomainEvent } from '../../src/domain/decider.js';
import type { EventStore } from '../../src/eventstore/port.js';
import { contentHash, linkContent } from '../../src/eventstore/hash-chain.js';
import { EVENT_COLUMNS, rowToStored, type EventRow } from '../../src/eventstore/sqlite-rows.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { captureIo, type CapturedIo } from '../cli/cli-io.js';

export interface IntegrityFixture {
  dir: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  run(...argv: string[]): Promise<{ code: number; io: CapturedIo }>;
  /** Raw write access to the log, as an attacker with the file has it. */
  tamper(edit: (db: Database.Database) => void): void;
  cleanup(): void;
}

const event = (n: number) => ({
  type: 'CustomerFlagged',
  data: { flag: 'aml', reason: `hit ${n}` },
  occurredAt: '2025-03-01T10:00:00.000Z',
  actor: { sub: 'officer-1', role: 'officer' as const },
  correlationId: `corr-${n}`,
});

/** customer-1 (revisions 0–2, positions 1–3) and customer-2 (revision 0, position 4), written as the server writes them, then a signed checkpoint. */
export async function anchoredLog(): Promise<IntegrityFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'integrity-'));
  const env = { LENDCORE_DATA_DIR: dir };
  const store = await openEventStore(loadConfig(env));
  await store.append('customer-1', [event(0), event(1), event(2)], 'no_stream');
  await store.append('customer-2', [event(3)], 'no_stream');
  await store.close();
  const logFile = path.join(dir, 'lendcore.db');
  const run = async (...argv: string[]) => {
    const io = captureIo(env);
    return { code: await main(argv, io), io };
  };
  const fixture: IntegrityFixture = {
    dir, env, logFile, run,
    tamper(edit) {
      const db = new Database(logFile);
      db.defaultSafeIntegers(true);
      try {
        edit(db);
      } finally {
        db.close();
      }
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  const { code } = await run('checkpoint');
  if (code !== 0) throw new Error('checkpoint failed in the fixture');
  return fixture;
}

/**
 * Recomputes every hash of a stream from `fromRevision` on, each at its stored hash version (what
 * an attacker who knows the scheme does), and moves the head row along.
 */
export function rehashStream(db: Database.Database, streamId: string, fromRevision: bigint): void {
  const rows = db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? ORDER BY revision`).all(streamId);
  let prev = rows.find((r) => r.revision === fromRevision)!.prev_hash;
  for (const row of rows.filter((r) => r.revision >= fromRevision)) {
    const hash = contentHash(prev, linkContent({ ...rowToStored(row), prevHash: prev })!);
    db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?').run(prev, hash, row.position);
    prev = hash;
  }
  db.prepare('UPDATE streams SET last_hash = ?, revision = ? WHERE stream_id = ?').run(prev, rows[rows.length - 1]!.revision, streamId);
}

/**
 * An anchoredLog for each test of the file (made before it, removed after it), with the one event
 * store a test opens on it: `store()` opens it on first use, `closeStore()` closes it (so the CLI
 * can take the file), and it is closed after the test whatever happened.
 */
export function anchoredLogPerTest(): { readonly log: IntegrityFixture; store(): Promise<EventStore>; closeStore(): Promise<void> } {
  let fixture: IntegrityFixture | null = null;
  let opened: EventStore | null = null;
  const closeStore = async () => {
    await opened?.close();
    opened = null;
  };
  beforeEach(async () => {
    fixture = await anchoredLog();
  });
  afterEach(async () => {
    await closeStore();
    fixture?.cleanup();
    fixture = null;
  });
  return {
    get log() {
      if (fixture === null) throw new Error('the anchored log exists only inside a test');
      return fixture;
    },
    async store() {
      return (opened ??= await openEventStore(loadConfig(this.log.env)));
    },
    closeStore,
  };
}

export type Flag = DomainEvent<'CustomerFlagged', { flag: string; reason: string }>;

/** A decider that flags the customer once per command, for commands run through the pipeline onto the fixture's streams. */
export const flagging: Decider<{ reason: string }, Flag, number> = {
  initialState: () => 0,
  decide: (command) => [{ type: 'CustomerFlagged', data: { flag: 'aml', reason: command.reason } }],
  evolve: (count) => count + 1,
};

