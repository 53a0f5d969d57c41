import type { FastifyBaseLogger } from 'fastify';
import type { ProjectionState, ProjectionStatus } from '../projections/projection-status.js';

export interface ProjectionStateChange {
  name: string;
  /** Null on the first look. */
  from: ProjectionState | null;
  to: ProjectionState;
  position: bigint;
  error: string | null;
}

export interface StateWatch {
  /** Looks once now (also what the timer does). */
  check(): Promise<void>;
  stop(): void;
}

/** Reports every projection whose state differs from the last look, every `intervalMs` until stopped. */
export function watchProjectionStates(status: () => Promise<ProjectionStatus[]>, onChange: (change: ProjectionStateChange) => void, intervalMs = 1_000): StateWatch {
  const last = new Map<string, ProjectionState>();
  let checking: Promise<void> | null = null;
  const look = async () => {
    for (const s of await status()) {
      const from = last.get(s.name) ?? null;
      if (from === s.state) continue;
      last.set(s.name, s.state);
      onChange({ name: s.name, from, to: s.state, position: s.position, error: s.error });
    }
  };
  // One look at a time, so a slow status() never reports the same change twice.
  const check = () => (checking ??= look().finally(() => (checking = null)));
  const timer = setInterval(() => void check().catch(() => undefined), intervalMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}

/** Logs a state change: a failure at error level with its cause, catching up (reaching live) and the rest at info. */
export function logStateChange(logger: FastifyBaseLogger, change: ProjectionStateChange): void {
  const fields = { projection: change.name, from: change.from, to: change.to, position: change.position.toString() };
  if (change.to === 'failed') logger.error({ ...fields, error: change.error }, `projection ${change.name} failed: ${change.error ?? 'unknown error'}`);
  else if (change.to === 'live') logger.info(fields, `projection ${change.name} caught up at position ${change.position}`);
  else logger.info(fields, `projection ${change.name} is ${change.to}`);
}
