import type { Collection, Db, MongoClient } from 'mongodb';
import { fromStoredCheckpoint, saveCheckpoint, toStoredCheckpoint, type StoredCheckpoint } from './mongo-checkpoints.js';
import type { Checkpoint } from './port.js';

/** A swap that was started: kept until the renames and the checkpoint are all done. */
export interface StoredSwap {
  _id: string;
  pairs: { from: string; to: string }[];
  checkpoint: StoredCheckpoint;
}

export interface SwapStores {
  client: MongoClient;
  db: Db;
  swaps: Collection<StoredSwap>;
  checkpoints: Collection<StoredCheckpoint>;
}

/**
 * Replaces each `to` by its `from` and moves the checkpoint; every `from` must exist (the caller
 * checks), so that on recovery a missing `from` means "already renamed". Mongo cannot rename inside a
 * transaction, so each rename is atomic on its own (`dropTarget`) and the whole swap is made
 * crash-safe by rolling forward: the intent is written first and `finishPendingSwap` completes it.
 * Readers may see one model swapped before another for a moment, never a half-built one.
 */
export async function swapCollections(stores: SwapStores, pairs: { from: string; to: string }[], checkpoint: Checkpoint): Promise<void> {
  const intent: StoredSwap = { _id: checkpoint.projection, pairs, checkpoint: toStoredCheckpoint(checkpoint) };
  await stores.swaps.replaceOne({ _id: intent._id }, intent, { upsert: true });
  await finishSwap(stores, intent);
}

/** Completes a swap a crash interrupted, so the checkpoint never disagrees with the collections. */
export async function finishPendingSwap(stores: SwapStores, projection: string): Promise<void> {
  const intent = await stores.swaps.findOne({ _id: projection });
  if (intent) await finishSwap(stores, intent);
}

async function finishSwap(stores: SwapStores, intent: StoredSwap): Promise<void> {
  for (const { from, to } of intent.pairs) {
    if (await collectionExists(stores.db, from)) await stores.db.renameCollection(from, to, { dropTarget: true });
  }
  const checkpoint = fromStoredCheckpoint(intent.checkpoint);
  await stores.client.withSession((session) =>
    session.withTransaction(async () => {
      await saveCheckpoint(stores.checkpoints, checkpoint, session);
      await stores.swaps.deleteOne({ _id: intent._id }, { session });
    }),
  );
}

export async function collectionExists(db: Db, name: string): Promise<boolean> {
  return (await db.listCollections({ name }, { nameOnly: true }).toArray()).length > 0;
}
