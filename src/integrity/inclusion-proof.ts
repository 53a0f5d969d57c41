import { createPublicKey } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { contentHash, linkContent, type LinkContent } from '../eventstore/hash-chain.js';
import { eventColumnsOf, rowToStored, type EventRow } from '../eventstore/sqlite-rows.js';
import { checkpointSignatureValid, type SignedCheckpoint } from './checkpoint.js';
import { merklePath, rootFromPath, type MerkleStep, type StreamHead } from './merkle.js';

/**
 * `lendcore prove` output (docs/operations.md): the event's hashed content and prevHash, the
 * content of every later event of its stream up to the head the checkpoint anchored, that head's
 * Merkle path, and the signed checkpoint. Checking it needs only this document and the
 * installation's public key. Format `lendcore-inclusion-proof/1` when every content is hash
 * version 1 (so checkers of the first releases still read it), `/2` when some content is a
 * version-2 envelope (it carries `hashVersion: 2`).
 */
export interface InclusionProof {
  format: 'lendcore-inclusion-proof/1' | 'lendcore-inclusion-proof/2';
  event: { eventId: string; streamId: string; revision: string; position: string; prevHash: string; hash: string; content: LinkContent };
  /** Later events of the stream, revision order, up to and including the anchored head. */
  chain: { revision: string; hash: string; content: LinkContent }[];
  leaf: { streamId: string; revision: string; hash: string };
  path: MerkleStep[];
  checkpoint: SignedCheckpoint;
}

// The hashed part of an event as stored (payload and actor as written, never upcast), by its hash version.
const content = (row: EventRow): LinkContent => {
  const hashed = linkContent(rowToStored(row));
  if (hashed === null) throw new Error(`event ${row.event_id} has hash version ${row.hash_version}, which no release wrote; run lendcore verify`);
  return hashed;
};
const isEnvelope = (hashed: LinkContent): boolean => 'hashVersion' in hashed;

/** Builds the proof of `eventId` against `checkpoint` and its leaves; throws a sentence when it cannot. */
export function buildInclusionProof(log: Database.Database, eventId: string, checkpoint: SignedCheckpoint, sortedHeads: StreamHead[]): InclusionProof {
  const columns = eventColumnsOf(log);
  const event = log.prepare<[string], EventRow>(`SELECT ${columns} FROM events WHERE event_id = ?`).get(eventId);
  if (event === undefined) throw new Error(`no event ${eventId} in the log`);
  if (event.position > BigInt(checkpoint.body.position)) {
    throw new Error(`event ${eventId} (position ${event.position}) is after the latest checkpoint (position ${checkpoint.body.position}); run lendcore checkpoint first`);
  }
  const index = sortedHeads.findIndex((head) => head.streamId === event.stream_id);
  if (index < 0) throw new Error(`stream ${event.stream_id} is not in checkpoint #${checkpoint.body.sequence}; run lendcore verify`);
  const head = sortedHeads[index]!;
  const later = log
    .prepare<[string, bigint, bigint], EventRow>(`SELECT ${columns} FROM events WHERE stream_id = ? AND revision > ? AND revision <= ? ORDER BY revision`)
    .all(event.stream_id, event.revision, head.revision);
  const proven = { revision: String(event.revision), hash: event.hash, content: content(event) };
  const chain = later.map((row) => ({ revision: String(row.revision), hash: row.hash, content: content(row) }));
  return {
    format: [proven, ...chain].some((link) => isEnvelope(link.content)) ? 'lendcore-inclusion-proof/2' : 'lendcore-inclusion-proof/1',
    event: { eventId: event.event_id, streamId: event.stream_id, revision: proven.revision, position: String(event.position), prevHash: event.prev_hash, hash: event.hash, content: proven.content },
    chain,
    leaf: { streamId: head.streamId, revision: String(head.revision), hash: head.hash },
    path: merklePath(sortedHeads, index),
    checkpoint,
  };
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const decimal = z.string().regex(/^\d+$/);
const contentV1 = { type: z.string(), schemaVersion: z.number().int(), data: z.unknown(), occurredAt: z.string(), actor: z.object({ sub: z.string(), role: z.string() }).passthrough() };
const contentV2 = {
  ...contentV1, hashVersion: z.literal(2), eventId: z.string(), streamId: z.string(), revision: decimal, recordedAt: z.string(),
  correlationId: z.string(), causationId: z.string().nullable(), idempotencyKey: z.string().nullable(),
};
const contentSchema = z.union([z.object(contentV2).strict(), z.object(contentV1).strict()]);
const proofSchema = z.object({
  format: z.enum(['lendcore-inclusion-proof/1', 'lendcore-inclusion-proof/2']),
  event: z.object({ eventId: z.string(), streamId: z.string(), revision: decimal, position: decimal, prevHash: hex64, hash: hex64, content: contentSchema }).strict(),
  chain: z.array(z.object({ revision: decimal, hash: hex64, content: contentSchema }).strict()),
  leaf: z.object({ streamId: z.string(), revision: decimal, hash: hex64 }).strict(),
  path: z.array(z.object({ side: z.enum(['left', 'right']), hash: hex64 }).strict()),
  checkpoint: z.object({
    body: z.object({
      format: z.literal('lendcore-checkpoint/1'), sequence: decimal, position: decimal, streams: decimal, root: hex64, logDigest: hex64, previous: hex64, createdAt: z.string(),
    }).strict(),
    hash: hex64,
    signature: z.string(),
  }).strict(),
}).strict();

/**
 * Checks a proof with the public key alone: the event hashes to its `hash`, each later event
 * links to the one before up to the leaf, the leaf's path gives the checkpoint's root, and the
 * checkpoint's signature verifies. Returns the failed step, or null when the proof holds.
 */
export function checkInclusionProof(document: unknown, publicKeyPem: string): string | null {
  const parsed = proofSchema.safeParse(document);
  if (!parsed.success) return `not a lendcore-inclusion-proof/1 document: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`;
  const proof = parsed.data as unknown as InclusionProof;
  if (proof.format === 'lendcore-inclusion-proof/1' && [proof.event, ...proof.chain].some((link) => isEnvelope(link.content))) {
    return 'a lendcore-inclusion-proof/1 document carries hash-version-1 contents only';
  }
  const misplaced = misplacedEnvelope(proof);
  if (misplaced !== null) return misplaced;
  if (contentHash(proof.event.prevHash, proof.event.content) !== proof.event.hash) return 'the event does not hash to its hash';
  let hash = proof.event.hash;
  let revision = BigInt(proof.event.revision);
  let envelope = isEnvelope(proof.event.content);
  for (const link of proof.chain) {
    revision += 1n;
    if (BigInt(link.revision) !== revision) return `the stream chain skips to revision ${link.revision}`;
    if (envelope && !isEnvelope(link.content)) return `revision ${link.revision} is hash version 1 after a version-2 event (a downgrade)`;
    envelope = isEnvelope(link.content);
    hash = contentHash(hash, link.content);
    if (hash !== link.hash) return `revision ${link.revision} does not link to the event`;
  }
  const leaf = { streamId: proof.leaf.streamId, revision: BigInt(proof.leaf.revision), hash: proof.leaf.hash };
  if (leaf.streamId !== proof.event.streamId || leaf.revision !== revision || leaf.hash !== hash) return 'the stream chain does not end at the anchored head';
  if (rootFromPath(leaf, proof.path) !== proof.checkpoint.body.root) return 'the Merkle path does not lead to the checkpoint root';
  if (BigInt(proof.event.position) > BigInt(proof.checkpoint.body.position)) return 'the event is after the checkpoint';
  if (!checkpointSignatureValid(proof.checkpoint, createPublicKey(publicKeyPem))) return 'the checkpoint signature does not verify with this public key';
  return null;
}

// A version-2 content names its event: it must be the event, stream and revision the proof places it at.
function misplacedEnvelope(proof: InclusionProof): string | null {
  const { event } = proof;
  if ('hashVersion' in event.content && event.content.eventId !== event.eventId) return `the content names event ${event.content.eventId}, not ${event.eventId}`;
  for (const link of [event, ...proof.chain]) {
    const hashed = link.content;
    if ('hashVersion' in hashed && (hashed.streamId !== event.streamId || hashed.revision !== link.revision)) {
      return `the content at revision ${link.revision} names ${hashed.streamId} revision ${hashed.revision}`;
    }
  }
  return null;
}
