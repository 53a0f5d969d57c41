import type Database from 'better-sqlite3';
import type { Actor } from '../domain/actor.js';
import { canonicalJson } from './canonical-json.js';
import type { RecordedEvent } from './port.js';
import type { StoredEvent } from './stored-event.js';
import type { Upcasters } from './upcasters.js';

/** An `events` row as better-sqlite3 returns it with safe integers on. */
export interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  schema_version: bigint;
  data: string;
  occurred_at: string;
  recorded_at: string;
  actor: string;
  correlation_id: string;
  causation_id: string | null;
  idempotency_key: string | null;
  prev_hash: string;
  hash: string;
  /** Which fields `hash` covers (src/eventstore/hash-chain.ts HashVersion); 1 for rows written before the column. */
  hash_version: bigint;
}

export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, occurred_at, recorded_at, actor, correlation_id, causation_id, idempotency_key, prev_hash, hash, hash_version';

/**
 * EVENT_COLUMNS for a log file opened read-only, which may predate the `hash_version` column (a
 * reader cannot migrate it, and `lendcore verify` or a restore may run before the server has):
 * every event such a file holds was hashed at version 1.
 */
export function eventColumnsOf(db: Database.Database): string {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('events')").all();
  return columns.some((column) => column.name === 'hash_version') ? EVENT_COLUMNS : EVENT_COLUMNS.replace('hash_version', '1 AS hash_version');
}

export function rowToStored(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    streamId: row.stream_id,
    revision: row.revision,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: JSON.parse(row.actor) as Actor,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    idempotencyKey: row.idempotency_key,
    prevHash: row.prev_hash,
    hash: row.hash,
    data: JSON.parse(row.data) as unknown,
    hashVersion: Number(row.hash_version),
  };
}

/**
 * The row as the log hands it out, equal to `toRecorded(rowToStored(row), row.position, upcasters)`
 * (same keys, same order) but built as one object: replays decode every event of the log, and the
 * intermediate copy was a measurable part of that.
 */
export function rowToRecorded(row: EventRow, upcasters: Upcasters): RecordedEvent {
  const { schemaVersion, data } = upcasters.upcast(row.type, Number(row.schema_version), JSON.parse(row.data) as unknown);
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion,
    streamId: row.stream_id,
    revision: row.revision,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: JSON.parse(row.actor) as Actor,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    idempotencyKey: row.idempotency_key,
    prevHash: row.prev_hash,
    hash: row.hash,
    data,
    position: row.position,
  };
}

/**
 * Named parameters for the insert; `data` is stored as canonical JSON, the bytes the hash covers
 * (pass the encodings sealBatchEncoded made to skip encoding again).
 */
export function storedToParams(
  event: StoredEvent,
  encoded: { dataJson: string; actorJson: string } = { dataJson: canonicalJson(event.data), actorJson: canonicalJson(event.actor) },
): Omit<EventRow, 'position' | 'schema_version' | 'hash_version'> & { schema_version: number; hash_version: number } {
  return {
    stream_id: event.streamId,
    revision: event.revision,
    event_id: event.eventId,
    type: event.type,
    schema_version: event.schemaVersion,
    data: encoded.dataJson,
    occurred_at: event.occurredAt,
    recorded_at: event.recordedAt,
    actor: encoded.actorJson,
    correlation_id: event.correlationId,
    causation_id: event.causationId,
    idempotency_key: event.idempotencyKey,
    prev_hash: event.prevHash,
    hash: event.hash,
    hash_version: event.hashVersion,
  };
}
