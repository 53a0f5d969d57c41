import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileLedger } from '../../src/app/queries/ledger-reconciliation.js';
import type { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import type { JournalEntry, LoanLedgerPosition } from '../../src/projections/models/general-ledger/accounts.js';
import { LEDGER_JOURNAL, LEDGER_LOAN_POSITIONS } from '../../src/projections/models/general-ledger/general-ledger.js';
import type { Doc, ReadStore } from '../../src/readstore/port.js';
import { accepted, activeLoan, approvedLoan, defineProduct, verifiedCustomer } from '../api/commands/journey-steps.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';

/** QA 8 N11: the reconciliation compares the journal and the loan at one point of the log, whatever the ledger posts meanwhile. */
let t: TestApp;
let productId: string;

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-recon-flight');
});
afterAll(() => t.close());

/** The read store as the reconciliation saw it when it read the ledger positions at `stale`, the journal read later (now). */
function positionsReadAt(readStore: ReadStore, stale: Map<string, LoanLedgerPosition>): ReadStore {
  return new Proxy(readStore, {
    get(target, key, receiver) {
      if (key !== 'scan') return Reflect.get(target, key, receiver) as unknown;
      return async function* scan<T extends Doc>(collection: string): AsyncIterable<T> {
        for await (const doc of target.scan<T>(collection)) yield (collection === LEDGER_LOAN_POSITIONS ? (stale.get(doc.id) as unknown as T | undefined) ?? doc : doc);
      };
    },
  });
}

async function positionOf(loanId: string): Promise<LoanLedgerPosition> {
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  const doc = await t.runtime.readStore.get<LoanLedgerPosition>(LEDGER_LOAN_POSITIONS, loanId);
  if (doc === null) throw new Error(`no ledger position for ${loanId}`);
  return doc;
}

describe('GET /v1/reports/ledger/reconciliation while the ledger posts (QA 8 N11)', () => {
  it('a loan whose ledger position was read before later postings (a disbursement, a repayment) is not reported as differing', async () => {
    const approved = await approvedLoan(t, 'cust-recon-flight', productId, '12000.00', undefined, '2026-01-15');
    const beforeDisbursement = await positionOf(approved);
    const active = await activeLoan(t, 'cust-recon-flight', productId, '2026-01-15', '12000.00');
    const beforeRepayment = await positionOf(active);
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${approved}/disburse`, { effectiveDate: '2026-01-15', channel: 'bank_transfer' }));
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${active}/repayments`, { amount: '500.00', channel: 'online', reference: 'FLIGHT-1', effectiveDate: '2026-02-01' }));
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    const stale = new Map([[approved, beforeDisbursement], [active, beforeRepayment]]);
    const report = await reconcileLedger(t.runtime.eventStore, positionsReadAt(t.runtime.readStore, stale));
    expect(report.items).toEqual([]);
    expect(report.loansChecked).toBeGreaterThanOrEqual(2);
    // And as it stands now, through the endpoint.
    expect(JSON.parse((await t.call(STAFF.admin, 'GET', '/v1/reports/ledger/reconciliation')).body)).toMatchObject({ items: [] });
  });
});

describe('GET /v1/reports/ledger/reconciliation on a loan with a snapshot (qa15)', () => {
  it('folds the loan from its newest snapshot, and still lists a journal line tampered with', async () => {
    await verifiedCustomer(t, 'cust-recon-snapshot');
    const loanId = await activeLoan(t, 'cust-recon-snapshot', productId, '2026-01-15', '12000.00');
    const every = (t.runtime.eventStore as SqliteEventStore).snapshotEvery;
    // More events than the store's snapshot interval, so the pipeline has written a snapshot the fold can start from.
    for (let i = 0; i < every + 5; i++) {
      accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '1.00', channel: 'online', reference: `SNAP-${i}`, effectiveDate: '2026-02-01' }));
    }
    expect(await t.runtime.eventStore.readSnapshot(`loan-${loanId}`)).not.toBeNull();
    const position = await positionOf(loanId);
    expect(BigInt(position.revision)).toBeGreaterThan(BigInt(every));
    expect((await reconcileLedger(t.runtime.eventStore, t.runtime.readStore)).items.filter((item) => item.loanId === loanId)).toEqual([]);
    // One journal line of the loan changed in the read store: the fold from the snapshot disagrees with it.
    const entry = (await t.runtime.readStore.find<JournalEntry>(LEDGER_JOURNAL, { where: { loanId }, limit: 1 })).items[0]!;
    const line = entry.lines[0]!;
    const tampered: JournalEntry = { ...entry, lines: [{ ...line, amount: (Number(line.amount) + 1).toFixed(2) }, ...entry.lines.slice(1)] };
    const checkpoint = (await t.runtime.readStore.getCheckpoint('general-ledger'))!;
    await t.runtime.readStore.commit([{ op: 'put', collection: LEDGER_JOURNAL, doc: tampered }], checkpoint);
    const report = await reconcileLedger(t.runtime.eventStore, t.runtime.readStore);
    expect(report.items.filter((item) => item.loanId === loanId)).toEqual([
      expect.objectContaining({ loanId, revision: position.revision, differences: expect.arrayContaining([expect.objectContaining({ account: line.account })]) }),
    ]);
  }, 120_000);
});
