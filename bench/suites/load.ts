import path from 'node:path';
import { LOAN_SNAPSHOT } from '../../src/app/streams.js';
import { loadAggregate, type LoadOptions } from '../../src/commands/load-aggregate.js';
import { processLoanDecider } from '../../src/app/loans/loan-decider.js';
import type { LoanState } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import type { EventStore } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { longLoanEvents } from '../data/long-loan.js';
import { medianOf, msSince } from '../stats.js';
import type { Suite } from '../suite.js';

const LOADS_PER_SAMPLE = 20;

/** Writes the stream, then a snapshot half an interval behind its head: the average tail a loaded loan has. */
async function seedLoan(store: EventStore, index: number, events: number, snapshotEvery: number): Promise<string> {
  const loan = longLoanEvents(index, events);
  const streamId = `loan-${loan.loanId}`;
  await store.append(streamId, loan.events, 'no_stream');
  const snapshotRevision = BigInt(Math.max(0, events - 1 - Math.floor(snapshotEvery / 2)));
  let state = processLoanDecider.initialState();
  for (const event of await store.readStream(streamId, { maxCount: Number(snapshotRevision) + 1 })) {
    state = processLoanDecider.evolve(state, event as unknown as LoanEvent);
  }
  const stored = LOAN_SNAPSHOT.encode ? LOAN_SNAPSHOT.encode(state) : state;
  await store.writeSnapshot({ streamId, revision: snapshotRevision, version: LOAN_SNAPSHOT.version, state: stored });
  return streamId;
}

/** Mean ms of one aggregate load over a batch (a 10-event load is near timer resolution). */
async function loadMs(store: EventStore, streamId: string, options: LoadOptions<LoanState>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < LOADS_PER_SAMPLE; i++) await loadAggregate(store, streamId, processLoanDecider, options);
  return msSince(start) / LOADS_PER_SAMPLE;
}

/** Loading a loan the way the command pipeline does: newest snapshot, then the events after it. */
export const loadSuite: Suite = {
  name: 'load',
  figures: ['load.loan10', 'load.loan5000', 'load.loan5000.nosnapshot'],
  async run(config, workDir) {
    const store = SqliteEventStore.open({ path: path.join(workDir, 'load.db'), synchronous: 'FULL' });
    try {
      const withSnapshots: LoadOptions<LoanState> = { snapshot: { ...LOAN_SNAPSHOT, every: store.snapshotEvery } };
      const short = await seedLoan(store, 1, 10, store.snapshotEvery);
      const long = await seedLoan(store, 2, 5_000, store.snapshotEvery);
      const samples = Math.max(config.runs, 5);
      const measure = async (streamId: string, options: LoadOptions<LoanState>): Promise<number> => {
        await loadMs(store, streamId, options); // warm-up
        return medianOf(samples, () => loadMs(store, streamId, options));
      };
      return [
        { name: 'load.loan10', measured: await measure(short, withSnapshots) },
        { name: 'load.loan5000', measured: await measure(long, withSnapshots) },
        { name: 'load.loan5000.nosnapshot', measured: await measure(long, {}) },
      ];
    } finally {
      await store.close();
    }
  },
};
