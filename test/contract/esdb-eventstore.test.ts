import { randomUUID } from 'node:crypto';
import {
  EventStoreDBClient, StreamNotFoundError, UnavailableError, WrongExpectedVersionError, type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import { ConcurrencyError } from '../../src/eventstore/concurrency-error.js';
import { esdbPosition, fromEsdbEvent, isDomainEvent, toEventData } from '../../src/eventstore/esdb-envelope.js';
import { isConnectionDrop, isStreamNotFound, toConcurrencyError } from '../../src/eventstore/esdb-errors.js';
import { EsdbEventStore } from '../../src/eventstore/esdb-event-store.js';
import { findRetriedAppend } from '../../src/eventstore/esdb-retried-append.js';
import { EsdbStreamNames } from '../../src/eventstore/esdb-stream-names.js';
import { readPositionAfter } from '../../src/eventstore/esdb-subscription.js';
import { InterleavedChainVerifier } from '../../src/eventstore/esdb-verify.js';
import { IdempotencyKeyTaken } from '../../src/eventstore/idempotency.js';
import type { NewEvent, RecordedEvent } from '../../src/eventstore/port.js';
import { sealBatch, toRecorded, type StoredEvent } from '../../src/eventstore/stored-event.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';
import { CONTAINER_STARTUP_MS, ESDB_URL_VAR, skipReason, startEventStoreDb, type TestServer } from '../support/containers.js';
import { eventStoreContract } from './eventstore.contract.js';

const clerk: Actor = { sub: 'officer-1', role: 'officer' };
const noted = (n: number, extra: Partial<NewEvent> = {}): NewEvent => ({
  type: 'TestNoted', data: { n }, occurredAt: '2026-01-02T00:00:00.000Z', actor: clerk, correlationId: `corr-${n}`, ...extra,
});
const sealed = (count: number, streamId = 'loan-1'): StoredEvent[] =>
  sealBatch(streamId, Array.from({ length: count }, (_, n) => noted(n)), null, '2026-01-02T00:00:01.000Z', new Upcasters());

/** What the client hands back for an event we wrote: the EventData plus what the server adds. */
function asRecordedByEsdb(stored: StoredEvent, commit: bigint, streamName = stored.streamId): EsdbRecordedEvent {
  const written = toEventData(stored);
  return {
    streamId: streamName, id: written.id, isJson: true, revision: stored.revision, type: written.type, created: new Date(),
    data: written.data, metadata: written.metadata, position: { commit, prepare: commit },
  } as EsdbRecordedEvent;
}

describe('EventStoreDB adapter pieces (no server needed)', () => {
  it('round-trips the envelope through ESDB event data and metadata, id included', () => {
    const [stored] = sealed(1) as [StoredEvent];
    const written = toEventData(stored);
    expect(written).toMatchObject({ id: stored.eventId, type: 'TestNoted', contentType: 'application/json', data: { n: 0 } });
    expect(written.metadata).toMatchObject({ $correlationId: 'corr-0', hash: stored.hash, prevHash: stored.prevHash });
    expect(fromEsdbEvent(asRecordedByEsdb(stored, 42n))).toEqual(stored);
    expect(esdbPosition(asRecordedByEsdb(stored, 42n))).toBe(42n);
  });

  it('carries the hash version in metadata; an envelope written before it is version 1, a non-number one no release wrote', () => {
    const [stored] = sealed(1) as [StoredEvent];
    expect(toEventData(stored).metadata).toMatchObject({ hashVersion: 2 });
    const recorded = asRecordedByEsdb(stored, 7n);
    const { hashVersion: _dropped, ...older } = recorded.metadata as Record<string, unknown>;
    expect(fromEsdbEvent({ ...recorded, metadata: older } as EsdbRecordedEvent).hashVersion).toBe(1);
    expect(fromEsdbEvent({ ...recorded, metadata: { ...older, hashVersion: '2' } } as EsdbRecordedEvent).hashVersion).toBe(0);
    const verifier = new InterleavedChainVerifier();
    verifier.add({ ...fromEsdbEvent(recorded), correlationId: 'forged' });
    expect(verifier.report().broken).toEqual([{ streamId: 'loan-1', revision: 0n, eventId: stored.eventId, reason: 'hash_mismatch' }]);
  });

  it('refuses a record without a lendcore envelope', () => {
    const [stored] = sealed(1) as [StoredEvent];
    const foreign = { ...asRecordedByEsdb(stored, 1n), metadata: { $correlationId: 'x' } } as EsdbRecordedEvent;
    expect(() => fromEsdbEvent(foreign)).toThrow(/no lendcore envelope/);
  });

  it('refuses a record whose $all position the server left unset (servers before 22.6)', () => {
    const [stored] = sealed(1) as [StoredEvent];
    expect(() => esdbPosition(asRecordedByEsdb(stored, 2n ** 64n - 1n))).toThrow(/22\.10 or newer/);
    expect(() => esdbPosition({ ...asRecordedByEsdb(stored, 1n), position: undefined } as EsdbRecordedEvent)).toThrow(/without its \$all position/);
  });

  it('refuses payloads ESDB cannot store as JSON events', () => {
    const [stored] = sealed(1) as [StoredEvent];
    expect(() => toEventData({ ...stored, data: 7 })).toThrow(/JSON object, array or string/);
  });

  it('tells domain events from system, link and side-stream events', () => {
    const [stored] = sealed(1) as [StoredEvent];
    const event = asRecordedByEsdb(stored, 1n);
    expect(isDomainEvent(event)).toBe(true);
    expect(isDomainEvent({ ...event, type: '$lendcore.snapshot' } as EsdbRecordedEvent)).toBe(false);
    expect(isDomainEvent({ ...event, streamId: '$stats-1' } as EsdbRecordedEvent)).toBe(false);
  });

  it('maps WrongExpectedVersionError to ConcurrencyError, "no_stream" to a null actual', () => {
    const noStream = new WrongExpectedVersionError(undefined, { streamName: 'loan-1', expected: 3n, current: 'no_stream' });
    expect(toConcurrencyError('loan-1', 3n, noStream)).toEqual(new ConcurrencyError('loan-1', 3n, null));
    expect((toConcurrencyError('loan-1', 3n, noStream) as ConcurrencyError).actual).toBeNull();
    const behind = new WrongExpectedVersionError(undefined, { streamName: 'loan-1', expected: 'no_stream', current: 4n });
    expect(toConcurrencyError('loan-1', 'no_stream', behind)).toMatchObject({ expected: 'no_stream', actual: 4n, code: 'CONCURRENCY_CONFLICT' });
    const other = new Error('boom');
    expect(toConcurrencyError('loan-1', 'any', other)).toBe(other);
  });

  it('classifies missing streams and dropped connections', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'loan-1'))).toBe(true);
    expect(isStreamNotFound(new Error('other'))).toBe(false);
    expect(isConnectionDrop(Object.create(UnavailableError.prototype) as Error)).toBe(true);
    expect(isConnectionDrop(new Error('corrupt envelope'))).toBe(false);
  });

  it('starts $all reads at the start or at (commit, commit) of the checkpoint', () => {
    expect(readPositionAfter(0n)).toBe('start');
    expect(readPositionAfter(2n ** 63n)).toEqual({ commit: 2n ** 63n, prepare: 2n ** 63n });
  });

  it('recognises a retried batch among recent events, and refuses a partial reuse', () => {
    const upcasters = new Upcasters();
    const recent: RecordedEvent[] = sealed(3).map((event, i) => toRecorded(event, BigInt(100 + i), upcasters)).reverse();
    const [newest, middle] = recent as [RecordedEvent, RecordedEvent];
    const retry = [noted(1, { eventId: middle.eventId }), noted(2, { eventId: newest.eventId })];
    expect(findRetriedAppend('loan-1', retry, recent)).toEqual({ streamId: 'loan-1', revision: 2n, position: 102n, events: [middle, newest] });
    expect(findRetriedAppend('loan-1', [noted(9, { eventId: randomUUID() })], recent)).toBeNull();
    expect(() => findRetriedAppend('loan-1', [noted(1, { eventId: newest.eventId }), noted(9)], recent)).toThrow(
      expect.objectContaining({ code: 'EVENT_ID_REUSED' }),
    );
  });

  it('verifies chains from interleaved streams and names the first broken link of each once', () => {
    const loan = sealed(3, 'loan-1');
    const customer = sealed(2, 'customer-1');
    const clean = new InterleavedChainVerifier();
    for (const event of [loan[0]!, customer[0]!, loan[1]!, customer[1]!, loan[2]!]) clean.add(event);
    expect(clean.report()).toEqual({ streams: 2, events: 5, broken: [] });

    const tampered = new InterleavedChainVerifier();
    const forged = { ...loan[1]!, data: { n: 99 } };
    for (const event of [loan[0]!, customer[0]!, forged, customer[1]!, loan[2]!]) tampered.add(event);
    expect(tampered.report()).toEqual({
      streams: 2, events: 5, broken: [{ streamId: 'loan-1', revision: 1n, eventId: forged.eventId, reason: 'hash_mismatch' }],
    });

    const gap = new InterleavedChainVerifier();
    gap.add(loan[0]!);
    gap.add(loan[2]!);
    expect(gap.report().broken).toEqual([{ streamId: 'loan-1', revision: 2n, eventId: loan[2]!.eventId, reason: 'revision_gap' }]);
  });

  it('namespaces every stream the store owns', () => {
    const names = new EsdbStreamNames('t1-');
    expect(names.domain('loan-1')).toBe('t1-loan-1');
    expect(names.streamIdOf('t1-loan-1')).toBe('loan-1');
    expect(names.owns('t1-loan-1')).toBe(true);
    expect(names.owns('t2-loan-1')).toBe(false);
    expect(names.snapshot('loan-1')).toBe('t1-snapshot-loan-1');
    expect(names.idempotency('officer-1:k')).toBe('$lendcore-idempotency-t1-officer-1:k');
    expect(new EsdbStreamNames().domain('loan-1')).toBe('loan-1');
  });
});

const reason = await skipReason(ESDB_URL_VAR);

describe.skipIf(reason !== null)(reason === null ? 'EventStoreDB contract' : `EventStoreDB contract (skipped: ${reason})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startEventStoreDb();
  }, CONTAINER_STARTUP_MS);
  afterAll(async () => server?.stop());

  // One server for the suite; a fresh namespace per store makes each store see an empty log.
  const open = (upcasters?: Upcasters) => EsdbEventStore.connect(server.url, { upcasters, namespace: `t${randomUUID().slice(0, 8)}-` });

  eventStoreContract('esdb', async (options) => {
    const store = await open(options?.upcasters);
    return { store, cleanup: () => store.close() };
  });

  describe('EventStoreDB specifics', () => {
    it('refuses an append whose idempotency key is already recorded, writing nothing', async () => {
      const store = await open();
      const idempotency = { key: 'officer-1:k', requestHash: 'h' };
      await store.append('loan-1', [noted(0)], 'no_stream', { idempotency });
      await expect(store.append('loan-2', [noted(1)], 'no_stream', { idempotency })).rejects.toBeInstanceOf(IdempotencyKeyTaken);
      expect(await store.streamRevision('loan-2')).toBeNull();
      await store.close();
    });

    it('keeps only the newest snapshot ($maxCount 1) and hides snapshots from $all readers', async () => {
      const namespace = `t${randomUUID().slice(0, 8)}-`;
      const store = await EsdbEventStore.connect(server.url, { namespace });
      await store.append('loan-1', [noted(0)], 'no_stream');
      await store.writeSnapshot({ streamId: 'loan-1', revision: 0n, version: 1, state: { a: 1 } });
      await store.writeSnapshot({ streamId: 'loan-1', revision: 0n, version: 1, state: { a: 2 } });
      const client = EventStoreDBClient.connectionString(server.url);
      expect((await client.getStreamMetadata(`${namespace}snapshot-loan-1`)).metadata).toMatchObject({ maxCount: 1 });
      await client.dispose();
      expect((await store.readAll()).map((e) => e.type)).toEqual(['TestNoted']);
      expect(await store.verifyStreams()).toEqual({ streams: 1, events: 1, broken: [] });
      await store.close();
    });

    it('re-chains an `any` append that lost the race for the head, keeping the chain intact', async () => {
      const store = await open();
      await Promise.all(Array.from({ length: 5 }, (_, n) => store.append('loan-race', [noted(n)], 'any')));
      expect((await store.readStream('loan-race')).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect((await store.verifyStreams()).broken).toEqual([]);
      await store.close();
    });

    it('maps a lost race with an exact expectation, caught by the server, to ConcurrencyError', async () => {
      const store = await open();
      const results = await Promise.allSettled(Array.from({ length: 5 }, (_, n) => store.append('loan-exact', [noted(n)], 'no_stream')));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONCURRENCY_CONFLICT', expected: 'no_stream' });
      await store.close();
    });
  });
});
