import type { Actor } from '../domain/actor.js';

/**
 * The event log. Revisions are 0-based per stream, positions global and monotonic; both are
 * bigint at the port (as in @eventstore/db-client) and cross JSON as decimal strings.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

/** An event about to be appended. `eventId` (UUIDv7) is generated when absent. */
export interface NewEvent<D = unknown> {
  eventId?: string;
  type: string;
  /** Defaults to the current version the upcaster registry knows for `type` (or 1). */
  schemaVersion?: number;
  data: D;
  /** Business time, ISO-8601. */
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  causationId?: string | null;
  idempotencyKey?: string | null;
}

/** An event as stored, with its envelope (DESIGN.md "Events"). `data` is upcast to the newest shape. */
export interface RecordedEvent<D = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: bigint;
  position: bigint;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
  prevHash: string;
  hash: string;
  data: D;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event of the batch (the stream's revision after the append). */
  revision: bigint;
  /** Global position of the last event of the batch. */
  position: bigint;
  events: RecordedEvent[];
}

export interface ReadStreamOptions {
  fromRevision?: bigint;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
  /**
   * For a command about to extend the stream (forwards, to its end): the events read must be a
   * whole chain from the event before `fromRevision` to the head the store recorded, else
   * DomainError STREAM_HISTORY_BROKEN (409; stream-history-check.ts). SQLite checks it; EventStoreDB
   * keeps no authenticated head and does not (its chains are walked by `lendcore verify`).
   */
  checkHistory?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. */
  fromPosition?: bigint;
  maxCount?: number;
}

/** Catch-up then live; pulls in pages so a slow consumer never makes the store buffer the log. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface BrokenLink {
  streamId: string;
  revision: bigint;
  eventId: string;
  /** hash_version_unknown: a hash version no release wrote; hash_version_downgrade: a version-1 event after a version-2 one. */
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'revision_gap' | 'hash_version_unknown' | 'hash_version_downgrade';
}

export interface VerifyReport {
  streams: number;
  events: number;
  broken: BrokenLink[];
}

export interface Snapshot<S = unknown> {
  streamId: string;
  revision: bigint;
  /** Version of the state shape; a snapshot of another version is ignored. */
  version: number;
  state: S;
  /**
   * The stream's revision when the snapshot was read, where the adapter reads it in the same query
   * (SQLite); absent otherwise. Equal to `revision`, the snapshot is the stream's head and a load
   * reads no tail (the append still checks the revision it decided on).
   */
  streamRevision?: bigint;
}

/** Records which request produced an append, so a retried request returns the first result. */
export interface IdempotencyRecord {
  /** Scoped by the caller (the pipeline prefixes the actor's sub). */
  key: string;
  /**
   * sha256 of the canonical request; the same key with another body is refused. Null for a record
   * rebuilt from the log because the stored one is gone (the events keep the key, not the hash):
   * the request is answered as a replay whatever its body (src/commands/seen-request.ts).
   */
  requestHash: string | null;
  streamId: string;
  revision: bigint;
  position: bigint;
}

export interface AppendOptions {
  /** Stored in the same transaction as the events where the engine allows it. */
  idempotency?: { key: string; requestHash: string };
}

export interface EventStore {
  /** Atomic for the batch; a mismatched expectation throws ConcurrencyError. Re-appending known eventIds returns the first result. */
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult>;
  /**
   * The record stored for `key`. `recordedAs` names the key as the events carry it and the subject
   * that sent it: where no record is stored (deleted behind the store's back), SQLite answers from
   * the last event appended under that key by that subject (requestHash null); EventStoreDB keeps
   * its records in streams the log's files do not expose and looks only at them.
   */
  findIdempotency(key: string, recordedAs?: { idempotencyKey: string; sub: string }): Promise<IdempotencyRecord | null>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: { fromPosition?: bigint }): Subscription;
  /** Revision of the stream's last event, or null when the stream does not exist. */
  streamRevision(streamId: string): Promise<bigint | null>;
  /** Position of the newest event in the log (0n when empty). */
  headPosition(): Promise<bigint>;
  /** Walks every stream's hash chain and names the first broken link per stream. */
  verifyStreams(): Promise<VerifyReport>;
  readSnapshot<S>(streamId: string): Promise<Snapshot<S> | null>;
  writeSnapshot<S>(snapshot: Snapshot<S>): Promise<void>;
  close(): Promise<void>;
}
