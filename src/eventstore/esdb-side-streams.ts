import { BACKWARDS, END, NO_STREAM, WrongExpectedVersionError, jsonEvent, type EventStoreDBClient, type ResolvedEvent } from '@eventstore/db-client';
import { isStreamNotFound } from './esdb-errors.js';
import { IdempotencyKeyTaken } from './idempotency.js';
import { encodeJson } from './json-codec.js';
import type { IdempotencyRecord, Snapshot } from './port.js';

/*
 * Streams beside the domain streams. Their event types start with `$`, so excludeSystemEvents()
 * and our $all reads skip them: projections never see snapshots or idempotency records.
 */
const IDEMPOTENCY_TYPE = '$lendcore.idempotency';
const SNAPSHOT_TYPE = '$lendcore.snapshot';


interface StoredIdempotency {
  key: string;
  requestHash: string;
  streamId: string;
  revision: string;
  position: string;
}

interface StoredSnapshot {
  revision: string;
  version: number;
  state: unknown;
}

/** The newest event of a stream, or null when the stream does not exist. */
export async function readLast(client: EventStoreDBClient, streamName: string): Promise<ResolvedEvent | null> {
  try {
    for await (const resolved of client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) return resolved;
    return null;
  } catch (error) {
    if (isStreamNotFound(error)) return null;
    throw error;
  }
}

/**
 * Records the key in its own stream, created once (NO_STREAM). ESDB has no multi-stream
 * transaction, so unlike SQLite this is NOT atomic with the append it describes: a crash between
 * the two leaves events without their record, and a retry then appends again (the pipeline's
 * deterministic event ids let the retry be recognised as the same batch).
 */
export async function writeIdempotency(client: EventStoreDBClient, streamName: string, record: IdempotencyRecord & { requestHash: string }): Promise<void> {
  const data: StoredIdempotency = { ...record, revision: record.revision.toString(), position: record.position.toString() };
  try {
    await client.appendToStream(streamName, jsonEvent({ type: IDEMPOTENCY_TYPE, data: { ...data } }), { expectedRevision: NO_STREAM });
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) throw new IdempotencyKeyTaken(record.key);
    throw error;
  }
}

export async function readIdempotency(client: EventStoreDBClient, streamName: string): Promise<IdempotencyRecord | null> {
  const last = await readLast(client, streamName);
  if (!last?.event) return null;
  const data = last.event.data as unknown as StoredIdempotency;
  return { ...data, revision: BigInt(data.revision), position: BigInt(data.position) };
}

/** Appends the snapshot; the stream keeps only the newest one (`$maxCount: 1`, set when it is created). */
export async function writeSnapshot<S>(client: EventStoreDBClient, streamName: string, snapshot: Snapshot<S>): Promise<void> {
  const data: StoredSnapshot = { revision: snapshot.revision.toString(), version: snapshot.version, state: JSON.parse(encodeJson(snapshot.state)) };
  const result = await client.appendToStream(streamName, jsonEvent({ type: SNAPSHOT_TYPE, data: { ...data } }));
  if (result.nextExpectedRevision === 0n) await client.setStreamMetadata(streamName, { maxCount: 1 });
}

export async function readSnapshot<S>(client: EventStoreDBClient, streamName: string, streamId: string): Promise<Snapshot<S> | null> {
  const last = await readLast(client, streamName);
  if (!last?.event) return null;
  const data = last.event.data as unknown as StoredSnapshot;
  return { streamId, revision: BigInt(data.revision), version: data.version, state: data.state as S };
}
