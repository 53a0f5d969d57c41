import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { CommandLedger } from './command-ledger.js';

const actor = { sub: 'officer-1', role: 'officer' } as const;
const event = (type: string, data: object): NewEvent => ({ type, data, occurredAt: '2025-03-01T10:00:00Z', actor, correlationId: 'c' });

let dir: string;
let store: SqliteEventStore;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ledger-'));
  store = SqliteEventStore.open({ path: path.join(dir, 'log.db') });
  await store.append('loan-a', [event('LoanApplicationSubmitted', { loanId: 'a' })], 'no_stream');
  // "twice" is recorded twice: the double application a crash test exists to catch.
  await store.append('loan-b', [event('RepaymentReceived', { reference: 'once' }), event('RepaymentReceived', { reference: 'twice' }), event('RepaymentReceived', { reference: 'twice' })], 'any');
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CommandLedger', () => {
  it('accepts acknowledged commands found once and lost ones found at most once', async () => {
    const ledger = new CommandLedger();
    ledger.record({ kind: 'application', key: 'a', outcome: 'acknowledged', detail: '201' });
    ledger.record({ kind: 'repayment', key: 'once', outcome: 'lost', detail: 'reset' });
    ledger.record({ kind: 'repayment', key: 'never', outcome: 'lost', detail: 'reset' });
    ledger.record({ kind: 'repayment', key: 'nope', outcome: 'refused', detail: '422' });
    expect(await ledger.violations(store)).toEqual([]);
    expect([ledger.count('acknowledged'), ledger.count('lost'), ledger.count('refused')]).toEqual([1, 2, 1]);
  });

  it('names an acknowledged command missing from the log', async () => {
    const ledger = new CommandLedger();
    ledger.record({ kind: 'repayment', key: 'missing', outcome: 'acknowledged', detail: '201' });
    expect(await ledger.violations(store)).toMatchObject([{ timesInLog: 0, rule: 'an acknowledged command must be in the log exactly once' }]);
  });

  it('names a command in the log twice, whether acknowledged or lost', async () => {
    const ledger = new CommandLedger();
    ledger.record({ kind: 'repayment', key: 'twice', outcome: 'acknowledged', detail: '201' });
    ledger.record({ kind: 'repayment', key: 'twice', outcome: 'lost', detail: 'reset' });
    expect((await ledger.violations(store)).map((v) => [v.command.outcome, v.timesInLog])).toEqual([['acknowledged', 2], ['lost', 2]]);
  });

  it('names a refused command that is in the log anyway', async () => {
    const ledger = new CommandLedger();
    ledger.record({ kind: 'application', key: 'a', outcome: 'refused', detail: '500' });
    expect(await ledger.violations(store)).toMatchObject([{ timesInLog: 1, rule: 'a refused command must not be in the log' }]);
  });

  it('does not confuse a repayment reference with an application id', async () => {
    const ledger = new CommandLedger();
    ledger.record({ kind: 'repayment', key: 'a', outcome: 'acknowledged', detail: '201' });
    expect(await ledger.violations(store)).toHaveLength(1);
  });
});
