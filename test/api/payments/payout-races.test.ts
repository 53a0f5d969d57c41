import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settlePayout } from '../../../src/app/payouts/settle-payout.js';
import type { AppServices } from '../../../src/app/services.js';
import { bankTransferPayoutChannel } from '../../../src/payments/payouts/bank-transfer-payout-channel.js';
import { STAFF } from '../../support/test-app.js';
import { refused } from '../commands/journey-steps.js';
import { beforeNextAppend, OTHER_PROCESS_OFFICER as officer, thisProcess } from './other-process.js';
import { overpaidLoan, raceAppsForSuite, refundDesk, refundsOf, startApprovedPayout } from './payout-fixtures.js';

const OWN = 'cust-payout-race';
let loans = 0;

const race = raceAppsForSuite(OWN);

/** An overpaid loan with a pending bank-transfer payout of `amount` (all its credit when absent). */
async function pendingPayout(amount?: string): Promise<{ loanId: string; payoutId: string; amount: string }> {
  loans += 1;
  const { loanId } = await overpaidLoan(race.t, OWN, race.productId, `loan-payout-race-${loans}`);
  const res = await startApprovedPayout(race.t, loanId, { channel: 'bank-transfer', ...(amount ? { amount } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  const started = JSON.parse(res.body) as { id: string; amount: string };
  return { loanId, payoutId: started.id, amount: started.amount };
}

const confirmHere = (payoutId: string, bankReference: string) => race.t.call(STAFF.officer, 'POST', `/v1/payouts/${payoutId}/confirmation`, { bankReference });
const failHere = (payoutId: string) => race.t.call(STAFF.officer, 'POST', `/v1/payouts/${payoutId}/failure`, { reason: 'the bank returned it' });
const settleThere = (services: AppServices, payoutId: string, outcome: { confirm: string } | 'fail') => settlePayout(services, officer, bankTransferPayoutChannel, outcome === 'fail'
  ? { payoutId, status: 'failed', channelReference: null, at: new Date().toISOString(), failureReason: 'the bank returned it' }
  : { payoutId, status: 'succeeded', channelReference: outcome.confirm, at: new Date().toISOString(), failureReason: null });

async function payoutOf(payoutId: string): Promise<{ status: string; confirmation: { channelReference: string } | null }> {
  return JSON.parse((await race.t.call(STAFF.officer, 'GET', `/v1/payouts/${payoutId}`)).body) as { status: string; confirmation: { channelReference: string } | null };
}

/** The money rule: the loan holds one refund of the payout's amount under its confirmed reference iff the payout is confirmed, none otherwise. */
async function expectLoanAgreesWithPayout(loanId: string, payoutId: string, amount: string): Promise<void> {
  const payout = await payoutOf(payoutId);
  const refunds = (await refundsOf(race.t, loanId)).map((e) => e.data as { amount: string; reference: string });
  if (payout.status === 'confirmed') expect(refunds).toEqual([expect.objectContaining({ amount, reference: payout.confirmation?.channelReference })]);
  else expect(refunds).toEqual([]);
}

describe('racing settlements of one payout (QA7 F5)', () => {
  it('a failure landing between a confirmation\'s read and its write: the confirmation is refused and the loan records nothing', async () => {
    const { loanId, payoutId, amount } = await pendingPayout('400.00');
    // Another process records the bank's return just before this confirmation writes anything.
    beforeNextAppend(race.t.runtime.eventStore, () => true, () => settleThere(race.other.services, payoutId, 'fail'));
    refused(await confirmHere(payoutId, 'BR-1'), 409, 'PAYOUT_CLOSED');
    expect((await payoutOf(payoutId)).status).toBe('failed');
    await expectLoanAgreesWithPayout(loanId, payoutId, amount);
    expect(await refundDesk(race.t, loanId)).toMatchObject({ reserved: '0.00' });
  });

  it('two confirmations under different bank references: one wins, the loser records nothing (one transfer, one refund)', async () => {
    const { loanId, payoutId, amount } = await pendingPayout('150.00');
    beforeNextAppend(race.t.runtime.eventStore, () => true, () => settleThere(race.other.services, payoutId, { confirm: 'Y-1' }));
    refused(await confirmHere(payoutId, 'X-1'), 409, 'PAYOUT_ALREADY_CONFIRMED');
    expect((await payoutOf(payoutId)).confirmation?.channelReference).toBe('Y-1');
    await expectLoanAgreesWithPayout(loanId, payoutId, amount);
  });

  it('a crash between the payout\'s confirmation and the loan\'s refund: the credit stays reserved, and the redelivery records the refund once', async () => {
    const { loanId, payoutId, amount } = await pendingPayout('150.00');
    const { creditBalance } = await refundDesk(race.t, loanId);
    beforeNextAppend(race.t.runtime.eventStore, (stream) => stream.startsWith('loan-'), () => Promise.reject(new Error('process died')));
    await expect(settleThere(thisProcess(race.t), payoutId, { confirm: 'BR-CRASH' })).rejects.toThrow('process died');
    expect((await payoutOf(payoutId)).status).toBe('confirmed');
    expect(await refundsOf(race.t, loanId)).toHaveLength(0);
    // The money left: nobody may take that credit again meanwhile.
    expect(await refundDesk(race.t, loanId)).toMatchObject({ creditBalance, reserved: amount });
    refused(await race.t.call(STAFF.admin, 'POST', `/v1/loans/${loanId}/refund`, { channel: 'cash', reference: 'CASH-CRASH', amount: creditBalance }), 422, 'REFUND_EXCEEDS_CREDIT');
    // The officer's retry (or the provider's redelivery) completes it, once.
    expect((await confirmHere(payoutId, 'BR-CRASH')).statusCode).toBe(200);
    expect((await confirmHere(payoutId, 'BR-CRASH')).statusCode).toBe(200);
    await expectLoanAgreesWithPayout(loanId, payoutId, amount);
    expect(await refundDesk(race.t, loanId)).toMatchObject({ reserved: '0.00' });
  });

  it('any interleaving of confirmations and failures, here and in another process: the loan refunds the payout\'s amount iff it is confirmed', async () => {
    const step = fc.record({ op: fc.constantFrom<{ confirm: string } | 'fail'>('fail', { confirm: 'R-A' }, { confirm: 'R-B' }), here: fc.boolean() });
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 4 }), async (steps) => {
      const { loanId, payoutId, amount } = await pendingPayout('120.00');
      await Promise.allSettled(steps.map(({ op, here }) => {
        if (!here) return settleThere(race.other.services, payoutId, op);
        return op === 'fail' ? failHere(payoutId) : confirmHere(payoutId, op.confirm);
      }));
      await expectLoanAgreesWithPayout(loanId, payoutId, amount);
      const desk = await refundDesk(race.t, loanId);
      expect(desk.reserved).toBe('0.00');
    }), { numRuns: 12 });
  });
});
