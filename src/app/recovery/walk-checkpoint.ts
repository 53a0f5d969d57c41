import type { Doc, ReadStore } from '../../readstore/port.js';
import type { PendingWrites } from './pending-writes.js';

/** Where a completed walk leaves what it learnt: log position (exclusive start of the next walk) and state. */
export interface WalkCheckpoint {
  position: bigint;
  known: PendingWrites;
}

/** The read store's checkpoint name and collection the start-up pass keeps its place in. */
const NAME = 'recovery.interrupted-writes';
const COLLECTION = 'recovery';
const DOC_ID = 'interrupted-writes';
/**
 * Version of what the walk notes (the event types it reads, the shape of `known`): a checkpoint of
 * another version is ignored, and the next walk starts from the log's beginning.
 */
const VERSION = 1;

interface WalkDoc extends Doc {
  known: PendingWrites;
}

/**
 * The last completed walk's place, or null when there is none to trust: no checkpoint (a new read
 * store, or one rebuilt from scratch), another version, or a position past the log's head (a log
 * restored to an earlier state than its read store) — then the walk starts from the beginning.
 */
export async function loadWalkCheckpoint(readStore: ReadStore, head: bigint): Promise<WalkCheckpoint | null> {
  const checkpoint = await readStore.getCheckpoint(NAME);
  if (checkpoint === null || checkpoint.version !== VERSION || checkpoint.position > head) return null;
  await readStore.ensureCollection({ name: COLLECTION, indexes: [] });
  const doc = await readStore.get<WalkDoc>(COLLECTION, DOC_ID);
  return doc === null ? null : { position: checkpoint.position, known: doc.known };
}

/** Stores a completed walk's place and what is still pending, in one read-store transaction. */
export async function saveWalkCheckpoint(readStore: ReadStore, walk: WalkCheckpoint, now: Date): Promise<void> {
  await readStore.ensureCollection({ name: COLLECTION, indexes: [] });
  const doc: WalkDoc = { id: DOC_ID, known: walk.known };
  await readStore.commit([{ op: 'put', collection: COLLECTION, doc }], { projection: NAME, version: VERSION, position: walk.position, updatedAt: now.toISOString() });
}
