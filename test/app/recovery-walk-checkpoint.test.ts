import { describe, expect, it } from 'vitest';
import { loadWalkCheckpoint, saveWalkCheckpoint } from '../../src/app/recovery/walk-checkpoint.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';

const pending = { 'L1|R1': { kind: 'payout' as const, streamId: 'payout-P1', loanId: 'L1', reference: 'R1' } };
const known = { pending, openPayouts: { 'payout-P2': 'L2' } };
const now = new Date('2026-11-30T10:00:00Z');

describe('where the start-up pass left off', () => {
  it('gives back what was saved while the log reaches that far', async () => {
    const readStore = SqliteReadStore.open({ path: ':memory:' });
    await saveWalkCheckpoint(readStore, { position: 40n, known }, now);
    expect(await loadWalkCheckpoint(readStore, 40n)).toEqual({ position: 40n, known });
    expect(await loadWalkCheckpoint(readStore, 90n)).toEqual({ position: 40n, known });
    await readStore.close();
  });

  it('is not trusted when the log is shorter than where it ends (a log restored to an earlier state), nor when there is none', async () => {
    const readStore = SqliteReadStore.open({ path: ':memory:' });
    expect(await loadWalkCheckpoint(readStore, 0n)).toBeNull();
    await saveWalkCheckpoint(readStore, { position: 40n, known }, now);
    expect(await loadWalkCheckpoint(readStore, 39n)).toBeNull();
    await readStore.close();
  });

  it('is not trusted when another version of the pass wrote it', async () => {
    const readStore = SqliteReadStore.open({ path: ':memory:' });
    await saveWalkCheckpoint(readStore, { position: 40n, known }, now);
    await readStore.commit([], { projection: 'recovery.interrupted-writes', version: 99, position: 40n, updatedAt: now.toISOString() });
    expect(await loadWalkCheckpoint(readStore, 40n)).toBeNull();
    await readStore.close();
  });
});
