import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { HashedContent } from './hash-chain.js';

/**
 * What a hash-version-2 link covers: every envelope field an adapter stores except `position`
 * (assigned by the log as it commits, so unknown when the hash is made; checkpoints' log digest and
 * the per-stream position order bind it), `prevHash` (hashed as the link itself) and `hash`.
 * `hashVersion: 2` is inside the hashed bytes, so these bytes can never pass for a version-1 content
 * (which has no such member) and the version cannot be changed without changing the hash.
 */
export interface EnvelopeContent extends HashedContent {
  hashVersion: 2;
  eventId: string;
  streamId: string;
  /** The stream revision as a decimal string (how canonical JSON writes a bigint). */
  revision: string;
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
}

/** The envelope fields of a stored event that version 2 hashes (revision still a bigint). */
export interface EnvelopeFields extends HashedContent {
  eventId: string;
  streamId: string;
  revision: bigint;
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
}

/** The version-2 content of an event: its envelope fields, revision as a decimal string. */
export function envelopeContent(event: EnvelopeFields): EnvelopeContent {
  return {
    hashVersion: 2,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    occurredAt: event.occurredAt,
    actor: event.actor,
    eventId: event.eventId,
    streamId: event.streamId,
    revision: String(event.revision),
    recordedAt: event.recordedAt,
    correlationId: event.correlationId,
    causationId: event.causationId,
    idempotencyKey: event.idempotencyKey,
  };
}

/** sha256(prevHash ‖ canonicalJSON(EnvelopeContent)), hex: the version-2 link hash. */
export function envelopeHash(prevHash: string, content: EnvelopeContent): string {
  const { type, schemaVersion, data, occurredAt, actor, eventId, streamId, revision, recordedAt, correlationId, causationId, idempotencyKey } = content;
  const hashed: EnvelopeContent = { hashVersion: 2, type, schemaVersion, data, occurredAt, actor, eventId, streamId, revision, recordedAt, correlationId, causationId, idempotencyKey };
  return createHash('sha256').update(prevHash).update(canonicalJson(hashed)).digest('hex');
}

/**
 * envelopeHash from the payload and actor already in canonical JSON, for the append path: the
 * bytes are exactly canonicalJSON(EnvelopeContent), members in sorted key order.
 */
export function envelopeHashOfEncoded(prevHash: string, event: Omit<EnvelopeFields, 'data' | 'actor'>, dataJson: string, actorJson: string): string {
  const text = JSON.stringify;
  const content = `{"actor":${actorJson},"causationId":${text(event.causationId)},"correlationId":${text(event.correlationId)},"data":${dataJson},`
    + `"eventId":${text(event.eventId)},"hashVersion":2,"idempotencyKey":${text(event.idempotencyKey)},"occurredAt":${text(event.occurredAt)},`
    + `"recordedAt":${text(event.recordedAt)},"revision":"${event.revision}","schemaVersion":${text(event.schemaVersion)},`
    + `"streamId":${text(event.streamId)},"type":${text(event.type)}}`;
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}
