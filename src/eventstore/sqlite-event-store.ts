import type Database from 'better-sqlite3';
import { DomainError } from '../domain/errors.js';
import { idempotencyMac, macMatches, snapshotMac } from '../integrity/record-mac.js';
import { AppendSignal } from './append-signal.js';
import { ConcurrencyError } from './concurrency-error.js';
import { GENESIS_HASH, verifyLog } from './hash-chain.js';
import { encodeJson } from './json-codec.js';
import { PagedSubscription } from './paged-subscription.js';
import type {
  AppendOptions, AppendResult, EventStore, ExpectedRevision, IdempotencyRecord, NewEvent, ReadAllOptions,
  ReadStreamOptions, RecordedEvent, Snapshot, Subscription, VerifyReport,
} from './port.js';
import { SqliteAppender } from './sqlite-append.js';
import { LogAuditIndex, type LogAuditFilter } from './sqlite-audit-index.js';
import type { AuditEntry } from './audit-entry.js';
import { GroupCommitWriter } from './sqlite-group-commit.js';
import { EVENT_COLUMNS, rowToRecorded, rowToStored, type EventRow } from './sqlite-rows.js';
import { openEventLogDatabase, type SqliteSynchronous } from './sqlite-schema.js';
import { toRecorded } from './stored-event.js';
import { assertTailIntact } from './stream-history-check.js';
import { Upcasters } from './upcasters.js';

export interface SqliteEventStoreOptions {
  path: string;
  synchronous?: SqliteSynchronous;
  upcasters?: Upcasters;
  /** The snapshot interval the command pipeline should use with this store (events per snapshot). */
  snapshotEvery?: number;
  /** Events per subscription page (default 1 000). */
  pageSize?: number;
  /** How often a live subscription looks for events appended by another process (default 500 ms). */
  pollMs?: number;
  /**
   * HMAC key (src/integrity/integrity-keys.ts) authenticating stream heads, snapshots and
   * idempotency records; without it they are written unauthenticated and a snapshot is checked
   * only against the stream hash it records.
   */
  macKey?: Buffer;
  /** Told about each snapshot refused on load (the caller then rebuilds from events); the runtime logs a warning. */
  onSnapshotRejected?: (streamId: string, reason: string) => void;
  /**
   * The latest signed checkpoint's head of a stream, asked only for a head row without a MAC (a log
   * from before head MACs): such a stream is extended only while its head is the one anchored.
   * Absent: no head without a MAC is extended.
   */
  anchoredHead?: (streamId: string) => { revision: bigint; hash: string } | undefined;
}

const NO_LIMIT = -1; // SQLite: a negative LIMIT means no limit.
const MAX_REVISION = 2n ** 63n - 1n;

/** The embedded event store: one SQLite file, group commit, hash-chained streams. */
export class SqliteEventStore implements EventStore {
  readonly path: string;
  readonly snapshotEvery: number;
  private readonly signal: AppendSignal;
  private readonly writer: GroupCommitWriter;
  private readonly subscriptions = new Set<PagedSubscription>();
  private readonly appendListeners = new Set<(head: bigint) => void>();
  private readonly pageSize: number;
  private readonly statements;
  private readonly audit: LogAuditIndex;
  /** A stream from a revision to its end, checked against its chain and head row in one read transaction (ReadStreamOptions.checkHistory). */
  private readonly checkedTail: (streamId: string, from: bigint) => RecordedEvent[];
  /** The integrity key heads, snapshots and idempotency records are authenticated with: another thread opening the same log needs it to trust them. */
  readonly macKey: Buffer | null;
  private conflicts = 0;
  private readonly synchronous: SqliteSynchronous;
  private readonly onSnapshotRejected: (streamId: string, reason: string) => void;

  private constructor(private readonly db: Database.Database, private readonly upcasters: Upcasters, options: SqliteEventStoreOptions) {
    this.path = options.path;
    this.synchronous = options.synchronous ?? 'FULL';
    this.snapshotEvery = options.snapshotEvery ?? 100;
    this.pageSize = options.pageSize ?? 1_000;
    this.macKey = options.macKey ?? null;
    this.onSnapshotRejected = options.onSnapshotRejected ?? (() => undefined);
    this.signal = new AppendSignal(options.pollMs ?? 500);
    this.audit = new LogAuditIndex(db);
    this.writer = new GroupCommitWriter(db, new SqliteAppender(db, upcasters, this.macKey, options.anchoredHead), () => this.appended());
    this.checkedTail = db.transaction((streamId: string, from: bigint): RecordedEvent[] => {
      const rows = this.statements.forwards.all(streamId, from, NO_LIMIT);
      const stored = rows.map(rowToStored);
      const prevHash = from === 0n ? GENESIS_HASH : this.statements.eventHash.get(streamId, from - 1n)?.hash;
      const head = this.statements.streamHead.get(streamId);
      assertTailIntact(streamId, from, prevHash, stored, head && { revision: head.revision, hash: head.last_hash });
      return stored.map((event, i) => toRecorded(event, rows[i]!.position, this.upcasters));
    });
    this.statements = {
      forwards: db.prepare<[string, bigint, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`),
      backwards: db.prepare<[string, bigint, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`),
      all: db.prepare<[bigint, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      byStream: db.prepare<[], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY stream_id, revision`),
      streamRevision: db.prepare<[string], { revision: bigint }>('SELECT revision FROM streams WHERE stream_id = ?'),
      head: db.prepare<[], { position: bigint | null }>('SELECT max(position) AS position FROM events'),
      findKey: db.prepare<[string], { key: string; request_hash: string; stream_id: string; revision: bigint; position: bigint; mac: string | null }>(
        'SELECT key, request_hash, stream_id, revision, position, mac FROM idempotency WHERE key = ?',
      ),
      // The batch's last event (what a record points at) appended under a key by a subject. Named index: the planner
      // chose events_by_actor, which scans every event of the subject (1.4 ms per new key for 5 000 events).
      lastKeyedEvent: db.prepare<[string, string], { stream_id: string; revision: bigint; position: bigint }>(
        `SELECT stream_id, revision, position FROM events INDEXED BY events_idempotency_key WHERE idempotency_key = ? AND json_extract(actor, '$.sub') = ? ORDER BY position DESC LIMIT 1`,
      ),
      // With the hash of the event it was taken at, in one statement: a command loads its stream's snapshot on every cache miss.
      readSnapshot: db.prepare<[string], { revision: bigint; version: bigint; state: string; stream_hash: string | null; mac: string | null; event_hash: string | null; head: bigint | null }>(
        `SELECT s.revision, s.version, s.state, s.stream_hash, s.mac, e.hash AS event_hash, h.revision AS head
           FROM snapshots s LEFT JOIN events e ON e.stream_id = s.stream_id AND e.revision = s.revision
                LEFT JOIN streams h ON h.stream_id = s.stream_id
          WHERE s.stream_id = ?`,
      ),
      writeSnapshot: db.prepare('INSERT OR REPLACE INTO snapshots (stream_id, revision, version, state, stream_hash, mac) VALUES (?, ?, ?, ?, ?, ?)'),
      eventHash: db.prepare<[string, bigint], { hash: string }>('SELECT hash FROM events WHERE stream_id = ? AND revision = ?'),
      streamHead: db.prepare<[string], { revision: bigint; last_hash: string }>('SELECT revision, last_hash FROM streams WHERE stream_id = ?'),
      relaxSync: db.prepare('PRAGMA synchronous = NORMAL'),
      restoreSync: db.prepare(`PRAGMA synchronous = ${this.synchronous}`),
    };
  }

  /** Opens the log at `path`, creating folder and schema; `synchronous` defaults to FULL. */
  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const db = openEventLogDatabase(options.path, options.synchronous ?? 'FULL');
    return new SqliteEventStore(db, options.upcasters ?? new Upcasters(), options);
  }

  /** Group-commit counters, for metrics and the bench: how many appends shared each fsync. */
  get commitStats(): { transactions: number; appends: number } {
    return { ...this.writer.stats };
  }

  /**
   * One page of the audit trail straight from the log, in log order (the log is its own audit
   * trail: see sqlite-audit-index.ts). Throws ReadStoreError INVALID_CURSOR for a foreign cursor.
   */
  findAudit(filter: LogAuditFilter): { items: AuditEntry[]; nextCursor: string | null } {
    return this.audit.find(filter);
  }

  /** Calls `listener` with the new head position after every commit this connection makes; returns the unsubscribe. */
  onAppend(listener: (head: bigint) => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /** Wakes this connection's live subscriptions now, for an append another thread has announced (else they poll). */
  wakeSubscriptions(): void {
    this.signal.notify();
  }

  /** Appends refused with a ConcurrencyError since open, for the conflicts metric. */
  get conflictCount(): number {
    return this.conflicts;
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    return this.writer.enqueue({ streamId, events, expected, options }).catch((error: unknown) => {
      if (error instanceof ConcurrencyError) this.conflicts += 1;
      throw error;
    });
  }

  /**
   * The record stored for `key`. With a MAC key, a record whose MAC does not verify is refused
   * (IDEMPOTENCY_RECORD_INVALID, 409): answering from it could return another request's result,
   * and running the command again could do it twice. A record without a MAC predates the keys.
   * With no record, `recordedAs` finds the request's events in the log (port.ts), so a retry is not
   * recorded twice after the record was deleted.
   */
  async findIdempotency(key: string, recordedAs?: { idempotencyKey: string; sub: string }): Promise<IdempotencyRecord | null> {
    const row = this.statements.findKey.get(key);
    if (row === undefined) {
      const event = recordedAs === undefined ? undefined : this.statements.lastKeyedEvent.get(recordedAs.idempotencyKey, recordedAs.sub);
      return event === undefined ? null : { key, requestHash: null, streamId: event.stream_id, revision: event.revision, position: event.position };
    }
    const record = { key: row.key, requestHash: row.request_hash, streamId: row.stream_id, revision: row.revision, position: row.position };
    if (this.macKey !== null && row.mac !== null
      && !macMatches(row.mac, idempotencyMac(this.macKey, record.key, record.requestHash, record.streamId, record.revision, record.position))) {
      throw new DomainError('IDEMPOTENCY_RECORD_INVALID', `the stored record of this Idempotency-Key fails its integrity check; run lendcore verify`, 'conflict');
    }
    return record;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.checkHistory === true) return this.checkedTail(streamId, options.fromRevision ?? 0n);
    const limit = options.maxCount ?? NO_LIMIT;
    const rows = options.direction === 'backwards'
      ? this.statements.backwards.all(streamId, options.fromRevision ?? MAX_REVISION, limit)
      : this.statements.forwards.all(streamId, options.fromRevision ?? 0n, limit);
    return rows.map((row) => this.toRecorded(row));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readPage(options.fromPosition ?? 0n, options.maxCount ?? NO_LIMIT);
  }

  subscribeToAll(options: { fromPosition?: bigint } = {}): Subscription {
    const source = {
      readPage: async (after: bigint, maxCount: number) => this.readPage(after, maxCount),
      waitForAppend: () => this.signal.wait(),
    };
    const subscription: PagedSubscription = new PagedSubscription(source, options.fromPosition ?? 0n, this.pageSize, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    return this.statements.streamRevision.get(streamId)?.revision ?? null;
  }

  async headPosition(): Promise<bigint> {
    return this.statements.head.get()?.position ?? 0n;
  }

  async verifyStreams(): Promise<VerifyReport> {
    const rows = this.statements.byStream.iterate();
    return verifyLog((function* () {
      for (const row of rows) yield rowToStored(row);
    })());
  }

  /**
   * The stream's snapshot, or null when there is none or it does not match the chain: the
   * stream hash it records must be the event's at its revision and (with a key) its MAC must
   * verify. A refused snapshot is reported to `onSnapshotRejected`; the caller replays events.
   */
  async readSnapshot<S>(streamId: string): Promise<Snapshot<S> | null> {
    const row = this.statements.readSnapshot.get(streamId);
    if (row === undefined) return null;
    const version = Number(row.version);
    const eventHash = row.event_hash;
    const refusal = eventHash === null || row.stream_hash !== eventHash
      ? `snapshot at revision ${row.revision} does not match the stream's hash chain`
      : this.macKey !== null && !macMatches(row.mac, snapshotMac(this.macKey, streamId, row.revision, version, eventHash, row.state))
        ? `snapshot at revision ${row.revision} fails its MAC`
        : null;
    if (refusal !== null) {
      this.onSnapshotRejected(streamId, refusal);
      return null;
    }
    const snapshot: Snapshot<S> = { streamId, revision: row.revision, version, state: JSON.parse(row.state) as S };
    return row.head === null ? snapshot : { ...snapshot, streamRevision: row.head };
  }

  /** Stores the snapshot bound to the stream hash at its revision (skipped when that event is not in the log). */
  async writeSnapshot<S>(snapshot: Snapshot<S>): Promise<void> {
    const eventHash = this.statements.eventHash.get(snapshot.streamId, snapshot.revision)?.hash;
    if (eventHash === undefined) return;
    const state = encodeJson(snapshot.state);
    const mac = this.macKey === null ? null : snapshotMac(this.macKey, snapshot.streamId, snapshot.revision, snapshot.version, eventHash, state);
    // A snapshot is a cache (the log is the record), so its commit does not wait for the disk: it was
    // an fsync of its own on the command path (15% of the HTTP thread under load). In WAL mode a
    // NORMAL commit is never torn; a power loss can only drop it, and the next FULL commit (the next
    // append) makes it durable with everything written before it.
    if (this.synchronous !== 'FULL') {
      this.statements.writeSnapshot.run(snapshot.streamId, snapshot.revision, snapshot.version, state, eventHash, mac);
      return;
    }
    this.statements.relaxSync.run();
    try {
      this.statements.writeSnapshot.run(snapshot.streamId, snapshot.revision, snapshot.version, state, eventHash, mac);
    } finally {
      this.statements.restoreSync.run();
    }
  }

  /** Writes whatever is still queued, ends live subscriptions, then closes the file. */
  async close(): Promise<void> {
    this.writer.flush();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  private appended(): void {
    this.signal.notify();
    if (this.appendListeners.size === 0) return;
    const head = this.statements.head.get()?.position ?? 0n;
    for (const listener of this.appendListeners) listener(head);
  }

  private readPage(afterPosition: bigint, maxCount: number): RecordedEvent[] {
    return this.statements.all.all(afterPosition, maxCount).map((row) => this.toRecorded(row));
  }

  private toRecorded(row: EventRow): RecordedEvent {
    return rowToRecorded(row, this.upcasters);
  }
}
