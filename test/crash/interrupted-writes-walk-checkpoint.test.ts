import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/api/logger.js';
import { settlePayout } from '../../src/app/payouts/settle-payout.js';
import type { AppServices } from '../../src/app/services.js';
import { bankTransferPayoutChannel } from '../../src/payments/payouts/bank-transfer-payout-channel.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { accepted, defineProduct, verifiedCustomer } from '../api/commands/journey-steps.js';
import { beforeNextAppend } from '../api/payments/other-process.js';
import { overpaidLoan } from '../api/payments/payout-fixtures.js';
import { openTestApp, STAFF, TEST_SCRYPT, type TestApp } from '../support/test-app.js';

const officer = { actor: { sub: 'officer-otto', role: 'officer' as const }, correlationId: 'crashed-request' };
const died = () => Promise.reject(new Error('process died'));

interface Walk { afterPosition: string; events: number; pending: number }

let t: TestApp;
let loanId: string;
let payoutId: string;

/** The server starting again on the same data dir, as after kill -9; `walks` gets what its start-up pass walked. */
async function restart(walks: Walk[], completions: string[]): Promise<Runtime> {
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      const line = JSON.parse(chunk.toString()) as Walk & { msg: string };
      if (line.msg === 'start-up recovery walked the log') walks.push({ afterPosition: line.afterPosition, events: line.events, pending: line.pending });
      if (line.msg === 'completed writes a crash interrupted' || line.msg.startsWith('could not complete')) completions.push(line.msg);
      done();
    },
  });
  return openRuntime(t.runtime.config, { logger: createLogger('info', sink), passwordParams: TEST_SCRYPT });
}

function servicesOf(runtime: Runtime): AppServices {
  const { eventStore, readStore, vault } = runtime;
  return { eventStore, readStore, vault, clock: { now: () => new Date(), timeZone: runtime.config.timeZone } };
}

const refunds = async (runtime: Runtime) =>
  (await runtime.eventStore.readStream(`loan-${loanId}`)).filter((e) => e.type === 'RefundIssued').map((e) => (e.data as { reference: string }).reference);

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-walk-payout');
  ({ loanId } = await overpaidLoan(t, 'cust-walk-payout', productId, 'loan-walk-payout'));
  // Sent to the bank before a restart; the bank's confirmation comes after it.
  const started = JSON.parse((await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'bank-transfer', amount: '250.00' })).body) as { id: string };
  accepted(await t.call(STAFF.underwriter, 'POST', `/v1/payouts/${started.id}/approval`, {}));
  payoutId = started.id;
  await t.runtime.close();
});

afterAll(() => rmSync(t.dataDir, { recursive: true, force: true }));

describe('the start-up pass goes on from where the last start left it', () => {
  it('walks only what was appended since the last start, and still completes a payout created before it and confirmed after it', async () => {
    const walks: Walk[] = [];
    const completions: string[] = [];

    const first = await restart(walks, completions);
    const head = await first.eventStore.headPosition();
    expect((await first.readStore.getCheckpoint('recovery.interrupted-writes'))?.position).toBe(head);
    // The bank confirms; the process dies before the loan's refund.
    beforeNextAppend(first.eventStore, (stream) => stream.startsWith('loan-'), died);
    await expect(
      settlePayout(servicesOf(first), officer, bankTransferPayoutChannel, { payoutId, status: 'succeeded', channelReference: 'BR-WALK', at: new Date().toISOString(), failureReason: null }),
    ).rejects.toThrow('process died');
    const confirmedAt = await first.eventStore.headPosition();
    await first.close();

    const second = await restart(walks, completions);
    try {
      expect(await refunds(second)).toEqual(['BR-WALK']);
    } finally {
      await second.close();
    }
    const third = await restart(walks, completions);
    try {
      expect(await refunds(third)).toEqual(['BR-WALK']);
      expect((await third.readStore.getCheckpoint('recovery.interrupted-writes'))?.position).toBe(await third.eventStore.headPosition());
    } finally {
      await third.close();
    }

    // The first restart walked the whole book (openTestApp's own start found an empty log); the
    // second only the payout's confirmation; the third only the refund the second one recorded.
    expect(walks[0]!.events).toBeGreaterThan(10);
    expect(walks.slice(1)).toEqual([
      { afterPosition: head.toString(), events: Number(confirmedAt - head), pending: 1 },
      { afterPosition: confirmedAt.toString(), events: expect.any(Number), pending: 0 },
    ]);
    expect(walks[2]!.events).toBeLessThanOrEqual(2);
    expect(completions).toEqual(['completed writes a crash interrupted']);
  });
});
