import type { ReadStore } from '../../readstore/port.js';

const CHECKPOINT_POLL_MS = 50;

/**
 * True once every named projection's stored checkpoint is at `position` or past it, false after
 * `timeoutMs`. A projection with no checkpoint yet counts as position 0, as the runner counts it.
 * For when no runner in this thread can say (workers elsewhere, or the projection thread is down).
 */
export async function checkpointsReached(readStore: ReadStore, names: readonly string[], position: bigint, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const checkpoints = await Promise.all(names.map((name) => readStore.getCheckpoint(name)));
    if (checkpoints.every((c) => (c?.position ?? 0n) >= position)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_POLL_MS));
  }
}
