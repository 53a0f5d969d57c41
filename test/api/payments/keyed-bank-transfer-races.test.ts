import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveRepayment } from '../../../src/app/loans/collect-payment.js';
import { importBankStatement } from '../../../src/app/payments/import-bank-statement.js';
import { STAFF, type TestApp } from '../../support/test-app.js';
import { activeLoan, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { beforeNextAppend, OTHER_PROCESS_OFFICER as officer, thisProcess } from './other-process.js';
import { closeRaceApps, openRaceApps, type RaceApps } from './payout-fixtures.js';
import { repaymentsOf } from './payment-fixtures.js';

let t: TestApp;
let other: RaceApps['other'];
let productId: string;
let loanX: string;
let loanY: string;
let refY: string;
let ids = 0;

const keyed = (loanId: string, reference: string, amount: string) =>
  t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount, channel: 'bank_transfer', reference, effectiveDate: '2026-02-18' });
/** Another process imports a statement whose line carries bank id `bankTxnId` and names loan Y. */
const statementForY = (bankTxnId: string, amount: string) =>
  importBankStatement(other.services, officer, ['bank_txn_id,date,amount,currency,memo,balance', `${bankTxnId},2026-02-18,${amount},CNY,${refY},1000`].join('\r\n'), 'csv');

/** The loans on which `reference` is a recorded repayment, once per recording. */
async function recordedOn(reference: string): Promise<string[]> {
  const on: string[] = [];
  for (const loanId of [loanX, loanY]) {
    for (const e of await repaymentsOf(t, loanId)) if ((e.data as { reference: string }).reference === reference) on.push(loanId);
  }
  return on;
}

beforeAll(async () => {
  ({ t, other, productId } = await openRaceApps('cust-keyed-x'));
  await verifiedCustomer(t, 'cust-keyed-y');
  loanX = await activeLoan(t, 'cust-keyed-x', productId, '2026-01-15', '10000.00');
  loanY = await activeLoan(t, 'cust-keyed-y', productId, '2026-01-15', '10000.00');
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  refY = (JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanY}/repayment-reference`)).body) as { reference: string }).reference;
});
afterAll(() => closeRaceApps({ t, other }));

describe('a keyed bank transfer claims its bank id before its money is recorded (QA 8 N12, the race)', () => {
  it('a statement putting the bank id on another loan between the keyed call\'s read and its claim: the keyed call is refused 409 and records nothing', async () => {
    beforeNextAppend(t.runtime.eventStore, (stream) => stream.startsWith('banktxn-'), () => statementForY('K-1', '21.00'));
    refused(await keyed(loanX, 'K-1', '21.00'), 409, 'BANK_TXN_ON_OTHER_LOAN');
    expect(await recordedOn('K-1')).toEqual([loanY]);
  });

  it('a crash between the claim and the loan\'s write: nothing is lost (a statement for another loan is suspended) and the same reference keyed again records it once', async () => {
    beforeNextAppend(t.runtime.eventStore, (stream) => stream.startsWith('loan-'), () => Promise.reject(new Error('process died')));
    const here = { actor: { sub: STAFF.officer.sub, role: 'officer' as const }, correlationId: 'crashed-request' };
    await expect(receiveRepayment(thisProcess(t), here, loanX, { amount: '22.00', channel: 'bank_transfer', reference: 'K-2', effectiveDate: '2026-02-18', keyed: { overpaymentConfirmed: false } })).rejects.toThrow('process died');
    expect(await recordedOn('K-2')).toEqual([]);
    const later = await statementForY('K-2', '22.00');
    expect(later.lines).toContainEqual(expect.objectContaining({ bankTxnId: 'K-2', outcome: 'suspended', reason: 'BANK_TXN_ON_OTHER_LOAN' }));
    expect((await keyed(loanX, 'K-2', '22.00')).statusCode).toBe(201);
    expect((await keyed(loanX, 'K-2', '22.00')).statusCode).toBe(200);
    expect(await recordedOn('K-2')).toEqual([loanX]);
  });

  it('a keyed transfer and a statement for another loan, in any order and at any append of the keyed call: the credit is on exactly one loan, once', async () => {
    const at = fc.constantFrom<'before' | 'banktxn-' | 'loan-' | 'after'>('before', 'banktxn-', 'loan-', 'after');
    await fc.assert(fc.asyncProperty(at, async (when) => {
      ids += 1;
      const id = `K-P${ids}`;
      if (when === 'before') await statementForY(id, '23.00');
      else if (when !== 'after') beforeNextAppend(t.runtime.eventStore, (stream) => stream.startsWith(when), () => statementForY(id, '23.00'));
      const answer = await keyed(loanX, id, '23.00');
      if (when === 'after') await statementForY(id, '23.00');
      const on = await recordedOn(id);
      expect(on).toHaveLength(1);
      expect(answer.statusCode).toBe(on[0] === loanX ? 201 : 409);
    }), { numRuns: 12 });
  });

  it('qa19 Q4: a keyed transfer refused for a stale If-Match (409) or an Idempotency-Key used for another body (422) claims nothing: the log does not move, and the bank id stays free for the loan whose money it is', async () => {
    const revision = await t.runtime.eventStore.streamRevision(`loan-${loanX}`);
    const head = await t.runtime.eventStore.headPosition();
    const body = (reference: string, amount: string) => ({ amount, channel: 'bank_transfer', reference, effectiveDate: '2026-02-18' });
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanX}/repayments`, body('FZ-9', '10.00'), { 'if-match': `"${(revision ?? 0n) - 1n}"` }), 409, 'CONCURRENCY_CONFLICT');
    expect(await t.runtime.eventStore.headPosition(), 'a stale If-Match appends nothing').toBe(head);
    expect((await t.call(STAFF.officer, 'POST', `/v1/loans/${loanX}/repayments`, body('FZ-KEY', '11.00'), { 'idempotency-key': 'fz-key' })).statusCode).toBe(201);
    const afterFirst = await t.runtime.eventStore.headPosition();
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanX}/repayments`, body('FZ-10', '12.00'), { 'idempotency-key': 'fz-key' }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await t.runtime.eventStore.headPosition(), 'a reused key appends nothing').toBe(afterFirst);
    // The same request again under its key answers its first result and claims nothing more.
    expect((await t.call(STAFF.officer, 'POST', `/v1/loans/${loanX}/repayments`, body('FZ-KEY', '11.00'), { 'idempotency-key': 'fz-key' })).statusCode).toBe(200);
    expect(await t.runtime.eventStore.headPosition()).toBe(afterFirst);
    // Before: FZ-9 and FZ-10 were claimed for loan X with no money, and refused on the loan they belong to (409 BANK_TXN_ON_OTHER_LOAN).
    expect((await keyed(loanY, 'FZ-9', '10.00')).statusCode).toBe(201);
    expect((await keyed(loanY, 'FZ-10', '12.00')).statusCode).toBe(201);
    expect([await recordedOn('FZ-9'), await recordedOn('FZ-10'), await recordedOn('FZ-KEY')]).toEqual([[loanY], [loanY], [loanX]]);
  });
});
