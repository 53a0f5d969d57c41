import { openEventLogDatabase } from '../../src/eventstore/sqlite-schema.js';
import { storedToParams } from '../../src/eventstore/sqlite-rows.js';
import { sealBatch } from '../../src/eventstore/stored-event.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';
import { sampleRepayment } from '../data/sample-event.js';
import { msSince } from '../stats.js';

const INSERT = `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, occurred_at, recorded_at, actor, correlation_id, causation_id, idempotency_key, prev_hash, hash, hash_version)
  VALUES (@stream_id, @revision, @event_id, @type, @schema_version, @data, @occurred_at, @recorded_at, @actor, @correlation_id, @causation_id, @idempotency_key, @prev_hash, @hash, @hash_version)`;

/**
 * The write ceiling: events/s of plain better-sqlite3 inserts into the events table the store
 * creates (same schema, same WAL and `synchronous=FULL` pragmas), `perTransaction` rows per
 * commit. Rows are sealed before the clock starts: only the insert and the fsync are timed.
 */
export function rawInsertRate(path: string, events: number, perTransaction: number): number {
  const db = openEventLogDatabase(path, 'FULL');
  try {
    const upcasters = new Upcasters();
    const recordedAt = new Date().toISOString();
    const rows = Array.from({ length: events }, (_, n) => storedToParams(sealBatch(`loan-raw-${n}`, [sampleRepayment(n)], null, recordedAt, upcasters)[0]!));
    const insert = db.prepare(INSERT);
    const commit = db.transaction((batch: typeof rows) => {
      for (const row of batch) insert.run(row);
    });
    const start = process.hrtime.bigint();
    for (let i = 0; i < rows.length; i += perTransaction) commit(rows.slice(i, i + perTransaction));
    return events / (msSince(start) / 1000);
  } finally {
    db.close();
  }
}
