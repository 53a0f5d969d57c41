import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLog, loanStories } from '../../bench/data/generate-log.js';
import { snapshotRevision, writeLoanSnapshots } from '../../bench/data/loan-snapshots.js';
import { LOAN_SNAPSHOT } from '../../src/app/streams.js';
import { loadAggregate } from '../../src/commands/load-aggregate.js';
import { loanDecider } from '../../src/domain/loan/decider.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';

describe('snapshotRevision', () => {
  it('is where the command pipeline, one event per command, leaves its newest snapshot', () => {
    expect(snapshotRevision(3, 4)).toBeNull();
    expect(snapshotRevision(4, 4)).toBe(3);
    expect(snapshotRevision(11, 4)).toBe(7);
    expect(snapshotRevision(12, 4)).toBe(11);
  });
});

describe('writeLoanSnapshots', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves each generated loan a snapshot the store accepts, which loads to the state folded from the whole stream', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-snapshots-'));
    const path = join(dir, 'log.db');
    const shape = { loans: 5, paidInstallments: 3 };
    const log = generateLog(path, shape);
    expect(await writeLoanSnapshots(path, loanStories(shape))).toBe(5);
    const store = SqliteEventStore.open({ path });
    try {
      for (const loanId of log.loanIds) {
        const streamId = `loan-${loanId}`;
        const events = (await store.readStream(streamId)).length;
        const fromSnapshot = await loadAggregate(store, streamId, loanDecider, { snapshot: LOAN_SNAPSHOT });
        const fromStart = await loadAggregate(store, streamId, loanDecider);
        expect(fromSnapshot.snapshotRevision).toBe(BigInt(snapshotRevision(events, LOAN_SNAPSHOT.every)!));
        expect(fromSnapshot.state).toEqual(fromStart.state);
      }
    } finally {
      await store.close();
    }
  });
});
