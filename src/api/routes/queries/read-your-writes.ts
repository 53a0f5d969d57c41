import { z } from 'zod';
import { checkpointsReached } from '../../../projections/thread/checkpoint-wait.js';
import type { AppDeps } from '../../deps.js';
import { HttpError } from '../../http-error.js';

/** How long a query waits for its projections to reach `minPosition` before answering 503. */
export const MIN_POSITION_WAIT_MS = 5_000;
const RETRY_AFTER_SECONDS = 1;

/** `?minPosition=N`: a global position from a command response, as a decimal string. */
export const minPositionParam = z.string().regex(/^\d{1,20}$/, 'expected a position (whole number)').optional();

/**
 * Read-your-writes: returns once every named projection has applied `minPosition`, or throws 503
 * with Retry-After after MIN_POSITION_WAIT_MS. Without a runner in this process (projector
 * workers elsewhere) it polls the checkpoints in the read store; a projection without one yet
 * stands at position 0, so `?minPosition=0` never waits.
 */
export async function awaitProjections(deps: AppDeps, names: readonly string[], minPosition: string | undefined): Promise<void> {
  if (minPosition === undefined) return;
  const position = BigInt(minPosition);
  const control = deps.projectionControl;
  const reached = control
    ? await Promise.all(names.map((name) => control.waitForPosition(name, position, MIN_POSITION_WAIT_MS))).then((all) => all.every(Boolean))
    : await checkpointsReached(deps.readStore, names, position, MIN_POSITION_WAIT_MS);
  if (!reached) {
    throw new HttpError(503, 'PROJECTION_BEHIND', `read models (${names.join(', ')}) have not reached position ${minPosition} yet; retry shortly`, {
      'retry-after': String(RETRY_AFTER_SECONDS),
    });
  }
}
