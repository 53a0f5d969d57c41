import type { ClientSession, Collection } from 'mongodb';
import type { Checkpoint } from './port.js';

/** Checkpoint as stored: the position as a decimal string, because ESDB commit positions reach 2^64. */
export interface StoredCheckpoint {
  _id: string;
  version: number;
  position: string;
  updatedAt: string;
}

export function toStoredCheckpoint(checkpoint: Checkpoint): StoredCheckpoint {
  return {
    _id: checkpoint.projection,
    version: checkpoint.version,
    position: checkpoint.position.toString(),
    updatedAt: checkpoint.updatedAt,
  };
}

export function fromStoredCheckpoint(stored: StoredCheckpoint): Checkpoint {
  return {
    projection: stored._id,
    version: stored.version,
    position: BigInt(stored.position),
    updatedAt: stored.updatedAt,
  };
}

/** Upserts the checkpoint inside the caller's session (and so its transaction). */
export async function saveCheckpoint(
  checkpoints: Collection<StoredCheckpoint>,
  checkpoint: Checkpoint,
  session: ClientSession,
): Promise<void> {
  const stored = toStoredCheckpoint(checkpoint);
  await checkpoints.replaceOne({ _id: stored._id }, stored, { upsert: true, session });
}
