import { MongoServerError, type Collection } from 'mongodb';

export interface StoredLease {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * True when `owner` now holds the lease until `now + ttlMs`: it matched a lease that was free,
 * expired or already ours. A live lease of another owner makes the upsert collide on `_id`,
 * which is the "someone else holds it" answer.
 */
export async function acquireLease(
  leases: Collection<StoredLease>,
  name: string,
  owner: string,
  ttlMs: number,
  now: Date,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  try {
    const lease = await leases.findOneAndUpdate(
      { _id: name, $or: [{ owner }, { expiresAt: { $lte: now } }] },
      { $set: { owner, expiresAt } },
      { upsert: true, returnDocument: 'after' },
    );
    return lease?.owner === owner;
  } catch (error) {
    if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
    throw error;
  }
}

/** Frees the lease only if `owner` still holds it, so a late release never frees a successor's lease. */
export async function releaseLease(leases: Collection<StoredLease>, name: string, owner: string): Promise<void> {
  await leases.deleteOne({ _id: name, owner });
}
