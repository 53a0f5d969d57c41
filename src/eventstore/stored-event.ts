import type { Actor } from '../domain/actor.js';
import { canonicalJson } from './canonical-json.js';
import { CURRENT_HASH_VERSION, GENESIS_HASH, type ChainLink } from './hash-chain.js';
import { envelopeHashOfEncoded } from './hash-envelope.js';
import type { NewEvent, RecordedEvent } from './port.js';
import type { Upcasters } from './upcasters.js';
import { uuidv7 } from './uuidv7.js';

/** An event exactly as an adapter persists it: full envelope with its hash version, payload as written (not upcast). */
export type StoredEvent = ChainLink;

/** The last event of a stream, which the next append chains onto. */
export interface StreamHead {
  revision: bigint;
  hash: string;
}

/** A sealed event with the canonical JSON of its payload and actor, the bytes an adapter stores. */
export interface EncodedEvent {
  stored: StoredEvent;
  dataJson: string;
  actorJson: string;
}

/**
 * Gives a batch its envelope: ids, schema versions, consecutive revisions after `head`, and the
 * hash chain at CURRENT_HASH_VERSION (each hash covers the whole envelope but the position).
 * `data` and `actor` are normalised through canonical JSON so what the caller gets back is
 * exactly what a later read returns (a Decimal becomes its string, a bigint its decimal
 * string, keys in sorted order).
 */
export function sealBatch(
  streamId: string,
  events: NewEvent[],
  head: StreamHead | null,
  recordedAt: string,
  upcasters: Upcasters,
): StoredEvent[] {
  return sealBatchEncoded(streamId, events, head, recordedAt, upcasters).map((sealed) => sealed.stored);
}

/** sealBatch, also handing back each event's canonical payload and actor JSON so nothing encodes twice. */
export function sealBatchEncoded(
  streamId: string,
  events: NewEvent[],
  head: StreamHead | null,
  recordedAt: string,
  upcasters: Upcasters,
): EncodedEvent[] {
  let revision = head === null ? -1n : head.revision;
  let prevHash = head === null ? GENESIS_HASH : head.hash;
  return events.map((event) => {
    const schemaVersion = event.schemaVersion ?? upcasters.currentVersion(event.type);
    const newest = upcasters.currentVersion(event.type);
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > newest) {
      throw new Error(`${event.type} schema v${schemaVersion} cannot be written (newest known: v${newest})`);
    }
    revision += 1n;
    const dataJson = canonicalJson(event.data);
    const actorJson = canonicalJson(event.actor);
    const envelope = {
      type: event.type,
      schemaVersion,
      occurredAt: event.occurredAt,
      eventId: event.eventId ?? uuidv7(),
      streamId,
      revision,
      recordedAt,
      correlationId: event.correlationId,
      causationId: event.causationId ?? null,
      idempotencyKey: event.idempotencyKey ?? null,
    };
    const hash = envelopeHashOfEncoded(prevHash, envelope, dataJson, actorJson);
    const stored: StoredEvent = {
      ...envelope,
      data: JSON.parse(dataJson) as unknown,
      actor: JSON.parse(actorJson) as Actor,
      hashVersion: CURRENT_HASH_VERSION,
      prevHash,
      hash,
    };
    prevHash = hash;
    return { stored, dataJson, actorJson };
  });
}

/** The event as readers see it: positioned, payload upcast to the newest shape (the hash version stays with the store). */
export function toRecorded(stored: StoredEvent, position: bigint, upcasters: Upcasters): RecordedEvent {
  const { schemaVersion, data } = upcasters.upcast(stored.type, stored.schemaVersion, stored.data);
  const { hashVersion: _hashVersion, ...envelope } = stored;
  return { ...envelope, position, schemaVersion, data };
}
