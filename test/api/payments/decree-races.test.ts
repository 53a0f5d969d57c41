import { describe, expect, it } from 'vitest';
import { decreeRefund } from '../../../src/app/payouts/decree-refund.js';
import { startRefundPayout } from '../../../src/app/payouts/start-refund-payout.js';
import type { AppServices } from '../../../src/app/services.js';
import { bankTransferPayoutChannel } from '../../../src/payments/payouts/bank-transfer-payout-channel.js';
import { STAFF } from '../../support/test-app.js';
import { accepted, refused } from '../commands/journey-steps.js';
import { beforeNextAppend, OTHER_PROCESS_OFFICER as officer, thisProcess } from './other-process.js';
import { overpaidLoan, raceAppsForSuite, refundDesk, refundsOf } from './payout-fixtures.js';

const OWN = 'cust-decree-race';
let loans = 0;

const race = raceAppsForSuite(OWN);

const loan = async () => overpaidLoan(race.t, OWN, race.productId, `loan-decree-race-${(loans += 1)}`);
const channels = new Map([['bank-transfer' as const, bankTransferPayoutChannel]]);
const admin = { actor: { sub: 'admin-abe', role: 'admin' as const }, correlationId: 'other-process' };
const decreeHere = (loanId: string, body: Record<string, unknown>) => race.t.call(STAFF.admin, 'POST', `/v1/loans/${loanId}/refund`, { channel: 'cash', ...body });
const payoutHere = (loanId: string, amount: string) => race.t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'bank-transfer', amount });
const decreeThere = (services: AppServices, loanId: string, amount: string, reference: string) => decreeRefund(services, admin, loanId, { amount, channel: 'bank_transfer', reference });
const payoutThere = (loanId: string, amount: string) => startRefundPayout(race.other.services, channels, officer, loanId, { channel: 'bank-transfer', amount });

/** Every credit taken (refunds recorded, payouts pending or confirmed) is at most the credit the loan had. */
async function creditTaken(loanId: string): Promise<number> {
  const refunds = (await refundsOf(race.t, loanId)).map((e) => Number((e.data as { amount: string }).amount));
  const desk = await refundDesk(race.t, loanId);
  return refunds.reduce((a, b) => a + b, 0) + Number(desk.reserved);
}

describe('an admin\'s refund decree racing an officer\'s payout for the same credit (QA7 F7)', () => {
  it('a decree landing between a payout\'s count and its reservation: the payout is refused 409 REFUND_CONCURRENT, the credit goes out once', async () => {
    const { loanId, credit } = await loan();
    beforeNextAppend(race.t.runtime.eventStore, () => true, () => decreeThere(race.other.services, loanId, credit, 'CASH-A'));
    refused(await payoutHere(loanId, credit), 409, 'REFUND_CONCURRENT');
    expect((await refundsOf(race.t, loanId)).map((e) => (e.data as { reference: string }).reference)).toEqual(['CASH-A']);
    expect((await refundDesk(race.t, loanId)).items).toEqual([]);
    expect(await creditTaken(loanId)).toBeCloseTo(Number(credit), 2);
  });

  it('a payout reserved between a decree\'s count and its claim: the decree is refused 409 PAYOUT_CONCURRENT, the payout can still be confirmed', async () => {
    const { loanId, credit } = await loan();
    let payoutId = '';
    beforeNextAppend(race.t.runtime.eventStore, () => true, async () => (payoutId = (await payoutThere(loanId, credit)).outcome.id));
    refused(await decreeHere(loanId, { amount: credit, reference: 'CASH-B' }), 409, 'PAYOUT_CONCURRENT');
    expect(await refundsOf(race.t, loanId)).toHaveLength(0);
    accepted(await race.t.call(STAFF.underwriter, 'POST', `/v1/payouts/${payoutId}/approval`, {}));
    accepted(await race.t.call(STAFF.officer, 'POST', `/v1/payouts/${payoutId}/confirmation`, { bankReference: 'BR-B' }));
    expect((await refundsOf(race.t, loanId)).map((e) => (e.data as { reference: string }).reference)).toEqual(['BR-B']);
    expect(await creditTaken(loanId)).toBeCloseTo(Number(credit), 2);
  });

  it('two requests started together, whichever order they land in: never more credit out than the loan had', async () => {
    for (const decreeFirst of [true, false]) {
      const { loanId, credit } = await loan();
      const calls = [decreeHere(loanId, { amount: credit, reference: `CASH-C-${String(decreeFirst)}` }), payoutHere(loanId, credit)];
      const answers = await Promise.all(decreeFirst ? calls : calls.reverse());
      expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
      for (const a of answers) if (a.statusCode !== 201) expect([409, 422]).toContain(a.statusCode);
      expect(await creditTaken(loanId)).toBeCloseTo(Number(credit), 2);
    }
  });

  it('a crash between the decree\'s claim and the loan\'s refund: the claim holds the credit; the same decree again completes it', async () => {
    const { loanId, credit } = await loan();
    beforeNextAppend(race.t.runtime.eventStore, (stream) => stream.startsWith('loan-'), () => Promise.reject(new Error('process died')));
    await expect(decreeThere(thisProcess(race.t), loanId, credit, 'CASH-D')).rejects.toThrow('process died');
    expect(await refundsOf(race.t, loanId)).toHaveLength(0);
    refused(await payoutHere(loanId, credit), 422, 'REFUND_EXCEEDS_CREDIT');
    accepted(await decreeHere(loanId, { amount: credit, reference: 'CASH-D' }));
    expect((await refundsOf(race.t, loanId)).map((e) => (e.data as { amount: string }).amount)).toEqual([credit]);
    expect(await refundDesk(race.t, loanId)).toMatchObject({ creditBalance: '0.00', reserved: '0.00' });
  });
});
