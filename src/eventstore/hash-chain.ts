import { createHash } from 'node:crypto';
import type { Actor } from '../domain/actor.js';
import { canonicalJson } from './canonical-json.js';
import { envelopeContent, envelopeHash, type EnvelopeContent, type EnvelopeFields } from './hash-envelope.js';
import type { BrokenLink, VerifyReport } from './port.js';

/** The prevHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Which fields an event's hash covers, stored with each event: 1 = its content (HashedContent,
 * what the first releases wrote), 2 = its whole stored envelope but position (EnvelopeContent,
 * src/eventstore/hash-envelope.ts). Appends write CURRENT_HASH_VERSION; both verify.
 */
export type HashVersion = 1 | 2;
export const CURRENT_HASH_VERSION = 2 satisfies HashVersion;

/** The fields a version-1 hash covers; `data` is the payload as stored (before upcasting, PII still sealed). */
export interface HashedContent {
  type: string;
  schemaVersion: number;
  data: unknown;
  occurredAt: string;
  actor: Actor;
}

/** One stored event as the verifier sees it. */
export interface ChainLink extends EnvelopeFields {
  /** As stored: 1 or 2 for a genuine event; anything else is a broken link. */
  hashVersion: number;
  prevHash: string;
  hash: string;
}

/** What one link's hash covers, by its version: the content a proof carries and a checker rehashes. */
export type LinkContent = HashedContent | EnvelopeContent;

/** The version-1 link hash: sha256(prevHash ‖ canonicalJSON({type, schemaVersion, data, occurredAt, actor})), hex. */
export function chainHash(prevHash: string, content: HashedContent): string {
  const { type, schemaVersion, data, occurredAt, actor } = content;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ type, schemaVersion, data, occurredAt, actor }))
    .digest('hex');
}

/** The content a link's hash covers under its stored version, or null for a version no release wrote. */
export function linkContent(link: ChainLink): LinkContent | null {
  if (link.hashVersion === 2) return envelopeContent(link);
  if (link.hashVersion !== 1) return null;
  const { type, schemaVersion, data, occurredAt, actor } = link;
  return { type, schemaVersion, data, occurredAt, actor };
}

/** sha256(prevHash ‖ canonicalJSON(content)) under the content's own version (a version-2 content names it). */
export function contentHash(prevHash: string, content: LinkContent): string {
  return 'hashVersion' in content && content.hashVersion === 2 ? envelopeHash(prevHash, content) : chainHash(prevHash, content);
}

/**
 * Checks one stream's events as they come, in revision order; remembers only the last link and
 * the highest hash version seen. Once a stream has a version-2 event every later one must be
 * version 2 (a release only ever moves forward), so relabelling an event to version 1 is named
 * as a downgrade even where its hash could be made to match.
 */
export class StreamChainVerifier {
  private expectedRevision: bigint;
  private prevHash: string;
  private highestVersion = 1;

  /** `from`: check a stream's tail, starting at `revision` and linking to `prevHash` (the event before it); default the stream's start. */
  constructor(from: { revision: bigint; prevHash: string } = { revision: 0n, prevHash: GENESIS_HASH }) {
    this.expectedRevision = from.revision;
    this.prevHash = from.prevHash;
  }

  /** The broken link this event makes, or null when it follows, links to and hashes as it claims. */
  check(event: ChainLink): BrokenLink | null {
    const at = { streamId: event.streamId, revision: event.revision, eventId: event.eventId };
    if (event.revision !== this.expectedRevision) return { ...at, reason: 'revision_gap' };
    if (event.prevHash !== this.prevHash) return { ...at, reason: 'prev_hash_mismatch' };
    const content = linkContent(event);
    if (content === null) return { ...at, reason: 'hash_version_unknown' };
    if (event.hashVersion < this.highestVersion) return { ...at, reason: 'hash_version_downgrade' };
    if (contentHash(event.prevHash, content) !== event.hash) return { ...at, reason: 'hash_mismatch' };
    this.prevHash = event.hash;
    this.expectedRevision += 1n;
    this.highestVersion = event.hashVersion;
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
