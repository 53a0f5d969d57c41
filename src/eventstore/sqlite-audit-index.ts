import type Database from 'better-sqlite3';
import type { Actor } from '../domain/actor.js';
import { decodeCursor, encodeCursor } from '../readstore/cursor.js';
import { ReadStoreError } from '../readstore/errors.js';
import type { AuditEntry } from './audit-entry.js';
import type { EventRow } from './sqlite-rows.js';

/**
 * The indexes that make the SQLite log its own audit trail: by event type, by actor and by
 * recording time, each ending in the position so a filtered page comes out in log order. The
 * stream filter uses UNIQUE(stream_id, revision). Created on open (once, for an older log).
 */
export const AUDIT_INDEXES = `
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
CREATE INDEX IF NOT EXISTS events_by_actor ON events (json_extract(actor, '$.sub'), position);
CREATE INDEX IF NOT EXISTS events_by_recorded_at ON events (recorded_at, position);
`;

/** What a compliance officer filters the trail on; `from`/`to` bound the recording time (ISO-8601, inclusive). */
export interface LogAuditFilter {
  streamId?: string;
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
  limit: number;
  /** A `nextCursor` this index issued. */
  cursor?: string;
}

type AuditRow = Omit<EventRow, 'data'>;

const ENVELOPE = 'position, stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at, actor, correlation_id, causation_id, idempotency_key, prev_hash, hash';

/**
 * One page of the log's envelopes in log (= recording) order, filtered through the audit indexes:
 * the same answer the audit-trail read model gives, without copying every event into a second
 * store. Throws ReadStoreError INVALID_CURSOR for a cursor it did not issue.
 */
export class LogAuditIndex {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  find(filter: LogAuditFilter): { items: AuditEntry[]; nextCursor: string | null } {
    const where: string[] = ['position > ?'];
    const params: (string | bigint | number)[] = [filter.cursor === undefined ? 0n : decodePositionCursor(filter.cursor)];
    if (filter.streamId !== undefined) { where.push('stream_id = ?'); params.push(filter.streamId); }
    if (filter.actor !== undefined) { where.push("json_extract(actor, '$.sub') = ?"); params.push(filter.actor); }
    if (filter.type !== undefined) { where.push('type = ?'); params.push(filter.type); }
    if (filter.from !== undefined) { where.push('recorded_at >= ?'); params.push(filter.from); }
    if (filter.to !== undefined) { where.push('recorded_at <= ?'); params.push(filter.to); }
    params.push(filter.limit + 1);
    const rows = this.statement(`SELECT ${ENVELOPE} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`).all(...params) as AuditRow[];
    const more = rows.length > filter.limit;
    const page = more ? rows.slice(0, filter.limit) : rows;
    const last = page[page.length - 1];
    return { items: page.map(toEntry), nextCursor: more && last ? encodePositionCursor(last.position) : null };
  }

  // At most 2^5 shapes (one per combination of filters), so every statement is prepared once.
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function toEntry(row: AuditRow): AuditEntry {
  const actor = JSON.parse(row.actor) as Actor;
  return {
    id: row.event_id,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    streamId: row.stream_id,
    revision: row.revision.toString(),
    position: row.position.toString(),
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actorSub: actor.sub,
    actorRole: actor.role,
    actorCustomerId: actor.customerId ?? null,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    idempotencyKey: row.idempotency_key,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** SQLite's largest integer: no position (rowid) is beyond it. */
const MAX_POSITION = 2n ** 63n - 1n;

/** The read stores' opaque keyset cursor (src/readstore/cursor.ts), keyed on the position. */
function encodePositionCursor(position: bigint): string {
  return encodeCursor({ field: 'position', descending: false, value: position.toString(), id: position.toString() });
}

function decodePositionCursor(cursor: string): bigint {
  const { value, id } = decodeCursor(cursor, 'position', false);
  if (typeof value !== 'string' || value !== id || !/^\d{1,19}$/.test(value) || BigInt(value) > MAX_POSITION) {
    throw new ReadStoreError('INVALID_CURSOR', 'cursor is not one this audit trail issued');
  }
  return BigInt(value);
}
