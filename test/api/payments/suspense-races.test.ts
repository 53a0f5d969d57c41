import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignSuspenseLine } from '../../../src/app/payments/assign-suspense-line.js';
import type { AppServices } from '../../../src/app/services.js';
import { PAYMENT_SUSPENSE, type SuspenseLineDoc } from '../../../src/projections/models/payments/payments.js';
import { STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { beforeNextAppend, OTHER_PROCESS_OFFICER as officer, thisProcess } from './other-process.js';
import { closeRaceApps, openRaceApps, type RaceApps } from './payout-fixtures.js';
import { repaymentsOf } from './payment-fixtures.js';

let t: TestApp;
let other: RaceApps['other'];
let loanX: string;
let loanY: string;
let memo: string;
let lines = 0;

const HEADER = 'bank_txn_id,date,amount,currency,memo,balance';

beforeAll(async () => {
  const race = await openRaceApps('cust-suspense-x');
  ({ t, other } = race);
  const { productId } = race;
  await verifiedCustomer(t, 'cust-suspense-y');
  loanX = await activeLoan(t, 'cust-suspense-x', productId, '2026-01-15', '10000.00');
  loanY = await activeLoan(t, 'cust-suspense-y', productId, '2026-01-15', '10000.00');
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  const reference = async (loanId: string) => (JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/repayment-reference`)).body) as { reference: string }).reference;
  // A memo naming both loans: the line waits in suspense (AMBIGUOUS_REFERENCE) for an officer.
  memo = `${await reference(loanX)} ${await reference(loanY)}`;
});
afterAll(() => closeRaceApps({ t, other }));

/** A fresh suspended statement line of 77.xx, visible in the suspense queue. */
async function suspendedLine(): Promise<string> {
  lines += 1;
  const id = `SUS-${lines}`;
  const csv = [HEADER, `${id},2026-02-16,77.${String(lines).padStart(2, '0')},CNY,${memo},1000`].join('\r\n');
  const imported = accepted(await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', csv, { 'content-type': 'text/csv' })) as unknown as { position: string; lines: { outcome: string; reason: string }[] };
  expect(imported.lines).toEqual([expect.objectContaining({ outcome: 'suspended', reason: 'AMBIGUOUS_REFERENCE' })]);
  await t.caughtUp(imported.position);
  return id;
}

const assignHere = (lineId: string, loanId: string) => t.call(STAFF.officer, 'POST', `/v1/payments/suspense/${lineId}/assign`, { loanId });
const assignThere = (services: AppServices, lineId: string, loanId: string) => assignSuspenseLine(services, officer, lineId, loanId);

/** Which loans hold the line's money (once each), from the log. */
async function loansHolding(lineId: string): Promise<string[]> {
  const holding: string[] = [];
  for (const loanId of [loanX, loanY]) {
    const count = (await repaymentsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === lineId).length;
    for (let i = 0; i < count; i += 1) holding.push(loanId);
  }
  return holding;
}

/** The loan the line's statement stream assigned it to (null while it is open). */
async function assignedIn(lineId: string): Promise<string | null> {
  const doc = await t.runtime.readStore.get<SuspenseLineDoc>(PAYMENT_SUSPENSE, lineId);
  const events = await t.runtime.eventStore.readStream(`bank-statement-${doc?.statementId ?? ''}`);
  const assigned = events.filter((e) => e.type === 'SuspenseLineAssigned').map((e) => (e.data as { loanId: string }).loanId);
  expect(assigned.length).toBeLessThanOrEqual(1);
  return assigned[0] ?? null;
}

describe('one suspended line, two officers (QA7 F6)', () => {
  it('an assignment to another loan landing between this one\'s read and its write: refused 409, recorded on one loan only', async () => {
    const line = await suspendedLine();
    beforeNextAppend(t.runtime.eventStore, () => true, () => assignThere(other.services, line, loanY));
    refused(await assignHere(line, loanX), 409, 'SUSPENSE_LINE_ASSIGNED');
    expect(await loansHolding(line)).toEqual([loanY]);
    expect(await assignedIn(line)).toBe(loanY);
  });

  it('one after the other, the read store still showing the line open: the second is refused 409 and records nothing', async () => {
    const line = await suspendedLine();
    const open = await t.runtime.readStore.get<SuspenseLineDoc>(PAYMENT_SUSPENSE, line);
    accepted(await assignHere(line, loanX));
    // The read model lags behind the log: it still says the line is open.
    const here = thisProcess(t);
    const lagging = Object.create(here.readStore) as typeof here.readStore;
    lagging.get = (async (collection: string, id: string) => (collection === PAYMENT_SUSPENSE && id === line ? open : here.readStore.get(collection, id))) as typeof lagging.get;
    await expect(assignThere({ ...here, readStore: lagging }, line, loanY)).rejects.toMatchObject({ code: 'SUSPENSE_LINE_ASSIGNED' });
    expect(await loansHolding(line)).toEqual([loanX]);
  });

  it('a crash between the line\'s assignment and the loan\'s repayment: assigning it again to that loan records the money once', async () => {
    const line = await suspendedLine();
    beforeNextAppend(t.runtime.eventStore, (stream) => stream.startsWith('loan-'), () => Promise.reject(new Error('process died')));
    await expect(assignThere(thisProcess(t), line, loanX)).rejects.toThrow('process died');
    expect(await assignedIn(line)).toBe(loanX);
    expect(await loansHolding(line)).toEqual([]);
    refused(await assignHere(line, loanY), 409, 'SUSPENSE_LINE_ASSIGNED');
    // The repayment is recorded now (201); again, nothing new (200).
    accepted(await assignHere(line, loanX));
    accepted(await assignHere(line, loanX), 200);
    expect(await loansHolding(line)).toEqual([loanX]);
  });

  it('any set of assignments started together, here and in another process: the money is on exactly the loan the line was assigned to, once', async () => {
    const step = fc.record({ toX: fc.boolean(), here: fc.boolean() });
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 4 }), async (steps) => {
      const line = await suspendedLine();
      await Promise.allSettled(steps.map(({ toX, here }) => {
        const loanId = toX ? loanX : loanY;
        return here ? assignHere(line, loanId) : assignThere(other.services, line, loanId);
      }));
      const assigned = await assignedIn(line);
      expect(assigned).not.toBeNull();
      expect(await loansHolding(line)).toEqual([assigned]);
    }), { numRuns: 10 });
  });
});
