import type { ReadStore } from '../../src/readstore/port.js';

export interface AwaitLiveOptions {
  /** How long to wait for the live projections; 0 checks once. */
  timeoutMs: number;
  pollMs?: number;
}

/** The live projections did not reach the position the rebuild stands at: nothing is projecting, or it is stuck. */
export class LiveBehindError extends Error {
  constructor(readonly behind: { projection: string; position: bigint }[], readonly target: bigint) {
    super(
      `live projections behind the log head ${target}: ${behind.map((b) => `${b.projection} at ${b.position}`).join(', ')}; ` +
        'is a server or `lendcore project` worker running (or has one failed)?',
    );
    this.name = 'LiveBehindError';
  }
}

/**
 * Resolves with each named projection's live checkpoint once all have reached `position` (some may
 * be past it); throws LiveBehindError naming the laggards when `timeoutMs` runs out first.
 */
export async function awaitLivePositions(live: ReadStore, names: string[], position: bigint, options: AwaitLiveOptions): Promise<Map<string, bigint>> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const positions = new Map<string, bigint>();
    for (const name of names) positions.set(name, (await live.getCheckpoint(name))?.position ?? 0n);
    const behind = [...positions].filter(([, at]) => at < position).map(([projection, at]) => ({ projection, position: at }));
    if (behind.length === 0) return positions;
    if (Date.now() >= deadline) throw new LiveBehindError(behind, position);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}
