import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignSuspenseLine } from '../../src/app/payments/assign-suspense-line.js';
import { settlePayout } from '../../src/app/payouts/settle-payout.js';
import { createLogger } from '../../src/api/logger.js';
import type { EventStore } from '../../src/eventstore/port.js';
import { bankTransferPayoutChannel } from '../../src/payments/payouts/bank-transfer-payout-channel.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { activeLoan, accepted, defineProduct, verifiedCustomer } from '../api/commands/journey-steps.js';
import { beforeNextAppend, thisProcess } from '../api/payments/other-process.js';
import { overpaidLoan } from '../api/payments/payout-fixtures.js';
import { openTestApp, STAFF, TEST_SCRYPT, type TestApp } from '../support/test-app.js';

const officer = { actor: { sub: 'officer-otto', role: 'officer' as const }, correlationId: 'crashed-request' };
const died = () => Promise.reject(new Error('process died'));

let t: TestApp;
let payout: { loanId: string; payoutId: string; amount: string };
let line: { loanId: string; bankTxnId: string; amount: string };
const logLines: string[] = [];

/** The references the loan holds under `type`, from the log. */
async function referencesOn(store: EventStore, loanId: string, type: string): Promise<{ reference: string; amount: string }[]> {
  return (await store.readStream(`loan-${loanId}`)).filter((e) => e.type === type).map((e) => e.data as { reference: string; amount: string });
}

/** The server starting again on the same data dir, as after kill -9. */
async function restart(): Promise<Runtime> {
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logLines.push(chunk.toString()), done()) });
  return openRuntime(t.runtime.config, { logger: createLogger('info', sink), passwordParams: TEST_SCRYPT });
}

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-crash-payout');
  await verifiedCustomer(t, 'cust-crash-x');
  await verifiedCustomer(t, 'cust-crash-y');
  const services = thisProcess(t);

  // A bank-transfer payout confirmed on its stream; the process dies before the loan's refund.
  const { loanId } = await overpaidLoan(t, 'cust-crash-payout', productId, 'loan-crash-payout');
  const started = JSON.parse((await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'bank-transfer', amount: '250.00' })).body) as { id: string; amount: string };
  accepted(await t.call(STAFF.underwriter, 'POST', `/v1/payouts/${started.id}/approval`, {}));
  beforeNextAppend(t.runtime.eventStore, (stream) => stream.startsWith('loan-'), died);
  await expect(settlePayout(services, officer, bankTransferPayoutChannel, { payoutId: started.id, status: 'succeeded', channelReference: 'BR-CRASH', at: new Date().toISOString(), failureReason: null })).rejects.toThrow('process died');
  payout = { loanId, payoutId: started.id, amount: started.amount };

  // A statement line in suspense assigned to X on its statement's stream; the process dies before the bank transaction and the loan.
  const loanX = await activeLoan(t, 'cust-crash-x', productId, '2026-01-15', '10000.00');
  const loanY = await activeLoan(t, 'cust-crash-y', productId, '2026-01-15', '10000.00');
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  const reference = async (id: string) => (JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${id}/repayment-reference`)).body) as { reference: string }).reference;
  const csv = ['bank_txn_id,date,amount,currency,memo,balance', `SUS-CRASH,2026-02-16,77.01,CNY,${await reference(loanX)} ${await reference(loanY)},1000`].join('\r\n');
  const imported = accepted(await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', csv, { 'content-type': 'text/csv' })) as unknown as { position: string };
  await t.caughtUp(imported.position);
  beforeNextAppend(t.runtime.eventStore, (stream) => stream.startsWith('banktxn-'), died);
  await expect(assignSuspenseLine(services, officer, 'SUS-CRASH', loanX)).rejects.toThrow('process died');
  line = { loanId: loanX, bankTxnId: 'SUS-CRASH', amount: '77.01' };

  expect(await referencesOn(t.runtime.eventStore, payout.loanId, 'RefundIssued')).toEqual([]);
  expect(await referencesOn(t.runtime.eventStore, line.loanId, 'RepaymentReceived')).toEqual([]);
  await t.runtime.close();
});

afterAll(() => rmSync(t.dataDir, { recursive: true, force: true }));

describe('start-up completes the writes a crash cut between a payout or assignment stream and the loan', () => {
  it('the confirmed payout\'s refund and the assigned line\'s money are on their loans once the server is up, with no call about them; a second start records nothing twice', async () => {
    for (let start = 0; start < 2; start += 1) {
      const runtime = await restart();
      try {
        expect(await referencesOn(runtime.eventStore, payout.loanId, 'RefundIssued')).toEqual([expect.objectContaining({ reference: 'BR-CRASH', amount: payout.amount })]);
        expect(await referencesOn(runtime.eventStore, line.loanId, 'RepaymentReceived')).toEqual([expect.objectContaining({ reference: line.bankTxnId, amount: line.amount })]);
        const bankTxn = await runtime.eventStore.readStream(`banktxn-${line.bankTxnId}`);
        expect(bankTxn.map((e) => (e.data as { loanId: string }).loanId)).toEqual([line.loanId]);
      } finally {
        await runtime.close();
      }
    }
    expect(logLines.filter((l) => l.includes('completed writes a crash interrupted'))).toHaveLength(1);
    expect(logLines.filter((l) => l.includes('could not complete'))).toEqual([]);
  });
});
