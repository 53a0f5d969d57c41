import type Database from 'better-sqlite3';
import { DomainError } from '../domain/errors.js';
import { headAuthentic, headMac, idempotencyMac } from '../integrity/record-mac.js';
import { assertExpectedRevision } from './expected-revision.js';
import { IdempotencyKeyTaken, idempotencyRecordFor } from './idempotency.js';
import type { AppendOptions, AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from './port.js';
import { EVENT_COLUMNS, rowToRecorded, storedToParams, type EventRow } from './sqlite-rows.js';
import { sealBatchEncoded, toRecorded, type EncodedEvent } from './stored-event.js';
import type { Upcasters } from './upcasters.js';

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  options: AppendOptions | undefined;
}

/** A failure after some of an append's rows were written: the transaction must roll them back. */
export class AppendWriteFailed extends Error {
  constructor(streamId: string, override readonly cause: unknown) {
    super(`append to ${streamId} failed while writing: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'AppendWriteFailed';
  }
}

/** Writes one append's rows; the caller owns the transaction (and the savepoint around this). */
export class SqliteAppender {
  private readonly byEventId;
  private readonly head;
  private readonly insertEvent;
  private readonly upsertHead;
  private readonly findKey;
  private readonly insertKey;

  /**
   * `macKey` authenticates the head and idempotency rows it writes (src/integrity/record-mac.ts); null
   * leaves them unauthenticated. With it, a stream is extended only from a head the store wrote
   * (`headAuthentic`; `anchored` gives the latest checkpoint's head of a stream whose row has no MAC):
   * re-MACing whatever head it found made a forged tail look written by the store (stop 37's tamper test).
   */
  constructor(
    db: Database.Database,
    private readonly upcasters: Upcasters,
    private readonly macKey: Buffer | null = null,
    private readonly anchored: (streamId: string) => { revision: bigint; hash: string } | undefined = () => undefined,
  ) {
    this.byEventId = db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ?`);
    this.head = db.prepare<[string], { revision: bigint; last_hash: string; mac: string | null }>('SELECT revision, last_hash, mac FROM streams WHERE stream_id = ?');
    this.insertEvent = db.prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, occurred_at, recorded_at, actor, correlation_id, causation_id, idempotency_key, prev_hash, hash, hash_version)
       VALUES (@stream_id, @revision, @event_id, @type, @schema_version, @data, @occurred_at, @recorded_at, @actor, @correlation_id, @causation_id, @idempotency_key, @prev_hash, @hash, @hash_version)`,
    );
    this.upsertHead = db.prepare(
      'INSERT INTO streams (stream_id, revision, last_hash, mac) VALUES (?, ?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash, mac = excluded.mac',
    );
    this.findKey = db.prepare<[string], { key: string }>('SELECT key FROM idempotency WHERE key = ?');
    this.insertKey = db.prepare('INSERT INTO idempotency (key, request_hash, stream_id, revision, position, mac) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /**
   * Checks the expectation against the stream head and writes the batch, or explains why not.
   * Every refusal (a retried batch's ids reused, a ConcurrencyError, a taken idempotency key, a
   * schema version it cannot write) is thrown before the first row is written; a failure while
   * writing is thrown as an AppendWriteFailed, after which the caller must roll its writes back.
   */
  append(request: AppendRequest, recordedAt: string): AppendResult {
    const { streamId, events, expected, options } = request;
    if (events.length === 0) throw new Error(`append to ${streamId}: a batch needs at least one event`);
    const retried = this.alreadyStored(streamId, events);
    if (retried !== null) return retried;

    const head = this.head.get(streamId);
    if (head !== undefined && this.macKey !== null
      && !headAuthentic(this.macKey, { streamId, revision: head.revision, hash: head.last_hash, mac: head.mac }, this.anchored)) {
      throw new DomainError(
        'STREAM_HEAD_UNAUTHENTICATED',
        `${streamId} cannot be extended: its head row fails its MAC (the stream was extended, truncated or rehashed without the integrity key); run lendcore verify`,
        'conflict', { streamId },
      );
    }
    assertExpectedRevision(streamId, expected, head?.revision ?? null);
    if (options?.idempotency && this.findKey.get(options.idempotency.key)) throw new IdempotencyKeyTaken(options.idempotency.key);
    const sealed = sealBatchEncoded(streamId, events, head ? { revision: head.revision, hash: head.last_hash } : null, recordedAt, this.upcasters);
    try {
      return this.write(streamId, sealed, options);
    } catch (error) {
      throw new AppendWriteFailed(streamId, error);
    }
  }

  private write(streamId: string, sealed: EncodedEvent[], options: AppendOptions | undefined): AppendResult {
    const recorded = sealed.map(({ stored, ...encoded }) => {
      const position = BigInt(this.insertEvent.run(storedToParams(stored, encoded)).lastInsertRowid);
      return toRecorded(stored, position, this.upcasters);
    });
    const last = recorded[recorded.length - 1]!;
    this.upsertHead.run(streamId, last.revision, last.hash, this.macKey === null ? null : headMac(this.macKey, streamId, last.revision, last.hash));
    const result = { streamId, revision: last.revision, position: last.position, events: recorded };
    if (options?.idempotency) {
      const record = idempotencyRecordFor(options.idempotency, result);
      const mac = this.macKey === null ? null : idempotencyMac(this.macKey, record.key, record.requestHash, record.streamId, record.revision, record.position);
      this.insertKey.run(record.key, record.requestHash, record.streamId, record.revision, record.position, mac);
    }
    return result;
  }

  /** The first result when every event id of the batch is already stored (a retried append). */
  private alreadyStored(streamId: string, events: NewEvent[]): AppendResult | null {
    const found: RecordedEvent[] = [];
    for (const event of events) {
      const row = event.eventId === undefined ? undefined : this.byEventId.get(event.eventId);
      if (row !== undefined) found.push(rowToRecorded(row, this.upcasters));
    }
    if (found.length === 0) return null;
    if (found.length !== events.length || found.some((event) => event.streamId !== streamId)) {
      throw new DomainError('EVENT_ID_REUSED', `append to ${streamId}: some event ids are already stored for other events`, 'conflict', {
        eventIds: found.map((event) => event.eventId),
      });
    }
    const last = found[found.length - 1]!;
    return { streamId, revision: last.revision, position: last.position, events: found };
  }
}
