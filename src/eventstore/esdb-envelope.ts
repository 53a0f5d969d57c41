import { jsonEvent, type EventData, type JSONType, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { Actor } from '../domain/actor.js';
import type { StoredEvent } from './stored-event.js';

/**
 * The envelope rides in ESDB event metadata; the event id is our UUIDv7 `eventId`, so a retried
 * append of the same batch is recognised by id. `$correlationId`/`$causationId` repeat the ids
 * under ESDB's own names so its UI and system projections can follow them.
 */
interface EnvelopeMetadata {
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
  prevHash: string;
  hash: string;
  /** Absent on events written before hash version 2, which are all version 1. */
  hashVersion?: number;
  $correlationId: string;
  $causationId?: string;
}

// A stream read on a server older than 22.6 leaves the $all position unset (all bits on).
const UNSET_POSITION = 2n ** 64n - 1n;

/** The ESDB event that stores `stored`, payload exactly as sealed (the chain hashes those bytes). */
export function toEventData(stored: StoredEvent): EventData {
  const metadata: EnvelopeMetadata = {
    schemaVersion: stored.schemaVersion,
    occurredAt: stored.occurredAt,
    recordedAt: stored.recordedAt,
    actor: stored.actor,
    correlationId: stored.correlationId,
    causationId: stored.causationId,
    idempotencyKey: stored.idempotencyKey,
    prevHash: stored.prevHash,
    hash: stored.hash,
    hashVersion: stored.hashVersion,
    $correlationId: stored.correlationId,
    ...(stored.causationId === null ? {} : { $causationId: stored.causationId }),
  };
  return jsonEvent({ id: stored.eventId, type: stored.type, data: asJsonData(stored), metadata: { ...metadata } });
}

/** Our stored event back from an ESDB record; throws when the record carries no lendcore envelope. */
export function fromEsdbEvent(event: EsdbRecordedEvent): StoredEvent {
  const meta = readEnvelope(event);
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: meta.schemaVersion,
    streamId: event.streamId,
    revision: event.revision,
    data: event.data,
    occurredAt: meta.occurredAt,
    recordedAt: meta.recordedAt,
    actor: meta.actor,
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    idempotencyKey: meta.idempotencyKey,
    prevHash: meta.prevHash,
    hash: meta.hash,
    // A version no release wrote (0 for a non-number) is left for the chain verifier to name.
    hashVersion: meta.hashVersion === undefined ? 1 : typeof meta.hashVersion === 'number' ? meta.hashVersion : 0,
  };
}

/** Our global position: the event's commit position in $all (unique per event outside explicit transactions). */
export function esdbPosition(event: EsdbRecordedEvent): bigint {
  const commit = event.position?.commit;
  if (commit === undefined || commit === UNSET_POSITION) {
    throw new Error(`event ${event.id} in ${event.streamId} came without its $all position: lendcore needs EventStoreDB/KurrentDB 22.10 or newer`);
  }
  return commit;
}

/** True for events lendcore wrote to a domain stream; false for system, link, snapshot and idempotency events. */
export function isDomainEvent(event: EsdbRecordedEvent): boolean {
  return !event.type.startsWith('$') && !event.streamId.startsWith('$');
}

function asJsonData(stored: StoredEvent): JSONType {
  const { data } = stored;
  if (typeof data === 'string' || (typeof data === 'object' && data !== null)) return data as JSONType;
  throw new Error(`${stored.type} data must be a JSON object, array or string to be stored in EventStoreDB`);
}

function readEnvelope(event: EsdbRecordedEvent): EnvelopeMetadata {
  const meta = event.metadata as Partial<EnvelopeMetadata> | undefined;
  const complete =
    typeof meta === 'object' && meta !== null &&
    typeof meta.schemaVersion === 'number' &&
    typeof meta.occurredAt === 'string' &&
    typeof meta.recordedAt === 'string' &&
    typeof meta.actor === 'object' && meta.actor !== null &&
    typeof meta.correlationId === 'string' &&
    typeof meta.prevHash === 'string' &&
    typeof meta.hash === 'string';
  if (!complete) throw new Error(`event ${event.id} in ${event.streamId} has no lendcore envelope in its metadata`);
  return { ...(meta as EnvelopeMetadata), causationId: meta.causationId ?? null, idempotencyKey: meta.idempotencyKey ?? null };
}
