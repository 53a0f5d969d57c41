import { Registry } from 'prom-client';
import type { EventStore } from '../eventstore/port.js';
import type { ProjectionRunner } from '../projections/runner.js';
import type { ReadStore } from '../readstore/port.js';
import { createProjectionRunner } from '../runtime/projections.js';
import { awaitLoanBook } from './loan-book-freshness.js';

// A running server or worker follows the log within its poll interval; this is generously longer.
const OTHERS_GRACE_MS = 2_000;

/**
 * For CLI runs: when nobody brings the read models up to the log within a short grace (no server
 * or `lendcore project` worker is running), starts projectors in this process under a lease and
 * returns them (stop them when done); returns null when another process keeps the book current,
 * so two projectors never apply the same events.
 */
export async function projectorsUnlessRunning(eventStore: EventStore, readStore: ReadStore, owner: string): Promise<ProjectionRunner | null> {
  const head = await eventStore.headPosition();
  const others = head === 0n ? false : await awaitLoanBook(eventStore, readStore, { timeoutMs: OTHERS_GRACE_MS }).then(() => true, () => false);
  if (others) return null;
  const runner = createProjectionRunner({ eventStore, readStore, registry: new Registry(), lease: { owner, ttlMs: 15_000 } });
  await runner.start();
  return runner;
}
