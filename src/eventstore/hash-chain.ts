import { createHash } from 'node:crypto';
import type { Actor } from '../domain/actor.js';
import { canonicalJson } from './canonical-json.js';
import type { BrokenLink, VerifyReport } from './port.js';

/** The prevHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields the chain covers; `data` is the payload as stored (before upcasting, PII still sealed). */
export interface HashedContent {
  type: string;
  schemaVersion: number;
  data: unknown;
  occurredAt: string;
  actor: Actor;
}

/** One stored event as the verifier sees it. */
export interface ChainLink extends HashedContent {
  streamId: string;
  revision: bigint;
  eventId: string;
  prevHash: string;
  hash: string;
}

/** sha256(prevHash ‖ canonicalJSON({type, schemaVersion, data, occurredAt, actor})), hex. */
export function chainHash(prevHash: string, content: HashedContent): string {
  const { type, schemaVersion, data, occurredAt, actor } = content;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ type, schemaVersion, data, occurredAt, actor }))
    .digest('hex');
}

/**
 * chainHash from parts already in canonical JSON (`dataJson`, `actorJson`), so an append encodes
 * its payload once: the bytes hashed are exactly chainHash's, keys in the same sorted order.
 */
export function chainHashOfEncoded(prevHash: string, type: string, schemaVersion: number, dataJson: string, occurredAt: string, actorJson: string): string {
  const content = `{"actor":${actorJson},"data":${dataJson},"occurredAt":${JSON.stringify(occurredAt)},"schemaVersion":${JSON.stringify(schemaVersion)},"type":${JSON.stringify(type)}}`;
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

/** Checks one stream's events as they come, in revision order; remembers only the last link. */
export class StreamChainVerifier {
  private expectedRevision = 0n;
  private prevHash = GENESIS_HASH;

  /** The broken link this event makes, or null when it follows, links to and hashes as it claims. */
  check(event: ChainLink): BrokenLink | null {
    const at = { streamId: event.streamId, revision: event.revision, eventId: event.eventId };
    if (event.revision !== this.expectedRevision) return { ...at, reason: 'revision_gap' };
    if (event.prevHash !== this.prevHash) return { ...at, reason: 'prev_hash_mismatch' };
    if (chainHash(event.prevHash, event) !== event.hash) return { ...at, reason: 'hash_mismatch' };
    this.prevHash = event.hash;
    this.expectedRevision += 1n;
    return null;
  }
}

/** The first broken link of one stream's stored events (revision order), or null when intact. */
export function verifyChain(events: Iterable<ChainLink>): BrokenLink | null {
  const verifier = new StreamChainVerifier();
  for (const event of events) {
    const broken = verifier.check(event);
    if (broken !== null) return broken;
  }
  return null;
}

/**
 * Verifies a whole log given as events ordered by stream, then revision: one broken link (the
 * first) per broken stream. Streams the events, so memory stays flat however large the log.
 */
export function verifyLog(events: Iterable<ChainLink>): VerifyReport {
  const report: VerifyReport = { streams: 0, events: 0, broken: [] };
  let streamId: string | null = null;
  let verifier = new StreamChainVerifier();
  let streamBroken = false;
  for (const event of events) {
    report.events += 1;
    if (event.streamId !== streamId) {
      streamId = event.streamId;
      verifier = new StreamChainVerifier();
      streamBroken = false;
      report.streams += 1;
    }
    if (streamBroken) continue;
    const broken = verifier.check(event);
    if (broken !== null) {
      report.broken.push(broken);
      streamBroken = true;
    }
  }
  return report;
}
