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
 * A `minPosition` no command has answered yet (beyond the head of the log) is the caller's
 * mistake: 400 at once rather than a wait that can only end in 503. Routes that read the log
 * itself call only this, since their answer is always current.
 */
export async function checkMinPosition(deps: Pick<AppDeps, 'eventStore'>, minPosition: string | undefined): Promise<bigint> {
  if (minPosition === undefined) return 0n;
  const position = BigInt(minPosition);
  const head = await deps.eventStore.headPosition();
  if (position > head) {
    throw new HttpError(400, 'MIN_POSITION_AHEAD', `minPosition ${minPosition} is beyond the head of the log (${head.toString()}); pass a position a command answered`);
  }
  return position;
}

/**
 * Read-your-writes: returns once every named projection has applied `minPosition`, or throws 503
 * with Retry-After after MIN_POSITION_WAIT_MS. Without a runner in this process (projector
 * workers elsewhere) it polls the checkpoints in the read store; a projection without one yet
 * stands at position 0, so `?minPosition=0` never waits.
 */
export async function awaitProjections(deps: AppDeps, names: readonly string[], minPosition: string | undefined): Promise<void> {
  if (minPosition === undefined) return;
  await awaitPosition(deps, names, await checkMinPosition(deps, minPosition));
}

/** awaitProjections for a position the server read from the log itself (known not to be beyond its head). */
export async function awaitPosition(deps: AppDeps, names: readonly string[], position: bigint): Promise<void> {
  const control = deps.projectionControl;
  const reached = control
    ? await Promise.all(names.map((name) => control.waitForPosition(name, position, MIN_POSITION_WAIT_MS))).then((all) => all.every(Boolean))
    : await checkpointsReached(deps.readStore, names, position, MIN_POSITION_WAIT_MS);
  if (!reached) {
    throw new HttpError(503, 'PROJECTION_BEHIND', `read models (${names.join(', ')}) have not reached position ${position.toString()} yet; retry shortly`, {
      'retry-after': String(RETRY_AFTER_SECONDS),
    });
  }
}
