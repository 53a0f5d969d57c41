import type { ReadStore } from '../../src/readstore/port.js';
import type { Projection } from '../../src/projections/projection.js';

const POLL_MS = 25;

/** True once every one of `projections` has its stored checkpoint at `position` or past it; false after `timeoutMs`. */
export async function checkpointsReached(readStore: ReadStore, projections: Projection[], position: bigint, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const checkpoints = await Promise.all(projections.map((p) => readStore.getCheckpoint(p.name)));
    // No checkpoint yet means nothing applied: position 0, as the runner counts it.
    if (checkpoints.every((c) => (c?.position ?? 0n) >= position)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
