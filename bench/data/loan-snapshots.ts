import { LOAN_SNAPSHOT } from '../../src/app/streams.js';
import { loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import type { NewEvent } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';

/**
 * The revision of the newest snapshot the command pipeline would have left on a stream of `events`
 * events written one per command (handleCommand snapshots once `every` events have passed since
 * the last): the last revision r with (r + 1) a multiple of `every`, or null for a shorter stream.
 */
export function snapshotRevision(events: number, every: number): number | null {
  const snapshots = Math.floor(events / every);
  return snapshots === 0 ? null : snapshots * every - 1;
}

/**
 * Writes, through the store's own writeSnapshot (bound to the stream's hash chain), the snapshot
 * each generated loan stream would carry had its events come through the command pipeline under
 * LOAN_SNAPSHOT. Set-up, not a measured figure: the log is opened at synchronous=OFF.
 */
export async function writeLoanSnapshots(path: string, loans: Iterable<{ loanId: string; loan: NewEvent[] }>): Promise<number> {
  const store = SqliteEventStore.open({ path, synchronous: 'OFF' });
  let written = 0;
  try {
    for (const { loanId, loan } of loans) {
      const revision = snapshotRevision(loan.length, LOAN_SNAPSHOT.every);
      if (revision === null) continue;
      let state = loanDecider.initialState();
      for (const event of loan.slice(0, revision + 1)) state = loanDecider.evolve(state, { type: event.type, data: event.data } as LoanEvent);
      await store.writeSnapshot({ streamId: `loan-${loanId}`, revision: BigInt(revision), version: LOAN_SNAPSHOT.version, state: LOAN_SNAPSHOT.encode!(state) });
      written += 1;
    }
  } finally {
    await store.close();
  }
  return written;
}
