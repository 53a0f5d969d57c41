import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { loanSnapshotCodec } from '../../src/domain/loan/snapshot-codec.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import type { RecordedEvent } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { loanLogOf, LoanStates } from '../../src/projections/loan-states.js';
import { ServicedLoan } from '../servicing/serviced-loan.js';

const folded = (events: RecordedEvent[]): LoanState =>
  events.reduce((state, event) => loanDecider.evolve(state, { type: event.type, data: event.data } as LoanEvent), loanDecider.initialState());

describe('loanLogOf over the SQLite log', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('folds from an authentic snapshot, and from the first event when the snapshot was edited', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-loan-log-'));
    const path = join(dir, 'events.db');
    const macKey = Buffer.alloc(32, 7);
    const loan = new ServicedLoan('L1');
    loan.repay('500.00', 'p1', '2024-02-15');
    const store = SqliteEventStore.open({ path, macKey });
    try {
      for (const event of loan.log.events) {
        await store.append(event.streamId, [{ type: event.type, data: event.data, occurredAt: event.occurredAt, actor: event.actor, correlationId: event.correlationId }], 'any');
      }
      const events = await store.readStream('loan-L1');
      const last = events[events.length - 1]!;
      const fromStart = await new LoanStates({ read: async () => events.slice(0, Number(last.revision)), snapshot: async () => null }).after(last);
      await store.writeSnapshot({ streamId: 'loan-L1', revision: last.revision - 1n, version: loanSnapshotCodec.version, state: loanSnapshotCodec.encode(folded(events.slice(0, Number(last.revision)))) });
      const log = loanLogOf(store);
      expect((await log.snapshot('loan-L1'))?.revision).toBe(last.revision - 1n);
      expect((await new LoanStates(log).after(last)).state).toEqual(fromStart.state);

      const db = new Database(path);
      db.prepare("UPDATE snapshots SET state = replace(state, '3000.00', '9000.00')").run();
      db.close();
      expect(await log.snapshot('loan-L1')).toBeNull();
      expect((await new LoanStates(log).after(last)).state).toEqual(fromStart.state);
    } finally {
      await store.close();
    }
  });
});
