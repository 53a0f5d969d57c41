import {
  BACKWARDS, END, EventStoreDBClient, FORWARDS, NO_STREAM, START, excludeSystemEvents, streamNameFilter,
  type AllStreamResolvedEvent, type AppendResult as EsdbAppendResult, type Filter, type RecordedEvent as EsdbRecordedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { esdbPosition, fromEsdbEvent, isDomainEvent, toEventData } from './esdb-envelope.js';
import { isStreamNotFound, toConcurrencyError } from './esdb-errors.js';
import { findRetriedAppend, RETRY_LOOKBACK } from './esdb-retried-append.js';
import { readIdempotency, readLast, readSnapshot, writeIdempotency, writeSnapshot } from './esdb-side-streams.js';
import { EsdbStreamNames } from './esdb-stream-names.js';
import { EsdbSubscription, readPositionAfter } from './esdb-subscription.js';
import { InterleavedChainVerifier } from './esdb-verify.js';
import { ConcurrencyError } from './concurrency-error.js';
import { assertExpectedRevision } from './expected-revision.js';
import { IdempotencyKeyTaken, idempotencyRecordFor } from './idempotency.js';
import type {
  AppendOptions, AppendResult, EventStore, ExpectedRevision, IdempotencyRecord, NewEvent, ReadAllOptions,
  ReadStreamOptions, RecordedEvent, Snapshot, Subscription, VerifyReport,
} from './port.js';
import { sealBatch, toRecorded, type StoredEvent } from './stored-event.js';
import { Upcasters } from './upcasters.js';

/** Attempts for an `any`/`stream_exists` append that keeps losing the race for the head. */
const RACE_RETRIES = 5;

export interface EsdbEventStoreOptions {
  upcasters?: Upcasters;
  /** Prefix of every stream this store owns (see EsdbStreamNames); empty by default. */
  namespace?: string;
}

/** The event log on EventStoreDB/KurrentDB (22.10+): one ESDB stream per lendcore stream, envelope in metadata. */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbSubscription>();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly upcasters: Upcasters,
    private readonly names: EsdbStreamNames,
  ) {}

  /** A store on `url` (`esdb://host:2113?tls=false`, or a `esdb+discover://` cluster); the client connects lazily. */
  static async connect(url: string, opts: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
    return new EsdbEventStore(EventStoreDBClient.connectionString(url), opts.upcasters ?? new Upcasters(), new EsdbStreamNames(opts.namespace));
  }

  /**
   * Reads the stream's head, chains the batch onto it and appends expecting exactly that head, so a
   * writer that slipped in between is caught by the server. A caller that expected `any` or
   * `stream_exists` did not care which head it follows, so losing that race re-chains and retries.
   */
  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId}: a batch needs at least one event`);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendOnce(streamId, events, expected, options);
      } catch (error) {
        const headMoved = error instanceof ConcurrencyError && error.actual !== null && (expected === 'any' || expected === 'stream_exists');
        if (!headMoved || attempt === RACE_RETRIES) throw error;
      }
    }
  }

  findIdempotency(key: string): Promise<IdempotencyRecord | null> {
    return readIdempotency(this.client, this.names.idempotency(key));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(this.names.domain(streamId), {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    try {
      const events: RecordedEvent[] = [];
      for await (const resolved of read) if (resolved.event) events.push(this.recorded(resolved.event));
      return events;
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
  }

  /** Domain events strictly after `fromPosition`, in log order; system and side-stream events are skipped. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.fromPosition ?? 0n;
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    if (limit <= 0) return events;
    // No maxCount on the read: it would count the system events we skip.
    await eachEvent(this.client.readAll({ fromPosition: readPositionAfter(after) }), (resolved) => {
      const event = this.decode(resolved);
      if (event === null || event.position <= after) return true;
      events.push(event);
      return events.length < limit;
    });
    return events;
  }

  subscribeToAll(options: { fromPosition?: bigint } = {}): Subscription {
    // Filtered on the server, so a namespace's subscriber is not sent the rest of the log.
    const filter: Filter = this.names.namespace === '' ? excludeSystemEvents() : streamNameFilter({ prefixes: [this.names.namespace] });
    const subscription: EsdbSubscription = new EsdbSubscription(
      this.client,
      options.fromPosition ?? 0n,
      filter,
      (event) => this.decode({ event }),
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    return (await readLast(this.client, this.names.domain(streamId)))?.event?.revision ?? null;
  }

  async headPosition(): Promise<bigint> {
    let head = 0n;
    await eachEvent(this.client.readAll({ direction: BACKWARDS, fromPosition: END }), (resolved) => {
      if (resolved.event === undefined || !this.owns(resolved.event)) return true;
      head = esdbPosition(resolved.event);
      return false;
    });
    return head;
  }

  /** Walks $all once (no `$streams` projection needed) and names the first broken link of each stream. */
  async verifyStreams(): Promise<VerifyReport> {
    const verifier = new InterleavedChainVerifier();
    await eachEvent(this.client.readAll({ fromPosition: START }), (resolved) => {
      if (resolved.event !== undefined && this.owns(resolved.event)) verifier.add(this.stored(resolved.event));
      return true;
    });
    return verifier.report();
  }

  readSnapshot<S>(streamId: string): Promise<Snapshot<S> | null> {
    return readSnapshot<S>(this.client, this.names.snapshot(streamId), streamId);
  }

  writeSnapshot<S>(snapshot: Snapshot<S>): Promise<void> {
    return writeSnapshot(this.client, this.names.snapshot(snapshot.streamId), snapshot);
  }

  /** Ends live subscriptions, then the client's connections. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async appendOnce(streamId: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    const withIds = events.some((event) => event.eventId !== undefined);
    const recent = await this.readStream(streamId, { direction: 'backwards', maxCount: withIds ? RETRY_LOOKBACK : 1 });
    const retried = withIds ? findRetriedAppend(streamId, events, recent) : null;
    if (retried !== null) return retried;
    if (options?.idempotency && (await this.findIdempotency(options.idempotency.key))) {
      throw new IdempotencyKeyTaken(options.idempotency.key);
    }
    const head = recent[0] ?? null;
    assertExpectedRevision(streamId, expected, head?.revision ?? null);
    const stored = sealBatch(streamId, events, head, new Date().toISOString(), this.upcasters);
    let written: EsdbAppendResult;
    try {
      written = await this.client.appendToStream(this.names.domain(streamId), stored.map(toEventData), { expectedRevision: head?.revision ?? NO_STREAM });
    } catch (error) {
      throw toConcurrencyError(streamId, expected, error);
    }
    const recorded = await this.positioned(stored, written);
    const last = recorded[recorded.length - 1]!;
    const result: AppendResult = { streamId, revision: last.revision, position: last.position, events: recorded };
    if (options?.idempotency) {
      const record = idempotencyRecordFor(options.idempotency, result);
      await writeIdempotency(this.client, this.names.idempotency(record.key), record);
    }
    return result;
  }

  /** The batch as recorded: one event takes the append's position; a longer batch is read back for each position. */
  private async positioned(stored: StoredEvent[], written: EsdbAppendResult): Promise<RecordedEvent[]> {
    const only = stored.length === 1 ? stored[0] : undefined;
    if (only !== undefined && written.position !== undefined) return [toRecorded(only, written.position.commit, this.upcasters)];
    return this.readStream(stored[0]!.streamId, { fromRevision: stored[0]!.revision, maxCount: stored.length });
  }

  private owns(event: EsdbRecordedEvent): boolean {
    return isDomainEvent(event) && this.names.owns(event.streamId);
  }

  private stored(event: EsdbRecordedEvent): StoredEvent {
    return { ...fromEsdbEvent(event), streamId: this.names.streamIdOf(event.streamId) };
  }

  private recorded(event: EsdbRecordedEvent): RecordedEvent {
    return toRecorded(this.stored(event), esdbPosition(event), this.upcasters);
  }

  /** Our event from an $all record, or null when it is not one of this store's domain events. */
  private decode(resolved: AllStreamResolvedEvent): RecordedEvent | null {
    return resolved.event !== undefined && this.owns(resolved.event) ? this.recorded(resolved.event) : null;
  }
}

/** Feeds each event of a read to `visit` until it returns false, then cancels the rest of the read. */
async function eachEvent(read: StreamingRead<AllStreamResolvedEvent>, visit: (event: AllStreamResolvedEvent) => boolean): Promise<void> {
  try {
    for await (const resolved of read) if (!visit(resolved)) return;
  } finally {
    // Stops the server streaming what we no longer want; when the read itself failed, that error is the one to report.
    await read.cancel().catch(() => undefined);
  }
}
