import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxPayoutLedger } from '../../../src/payments/sandbox/sandbox-payout-ledger.js';
import { sandboxPayoutNotification } from '../../../src/payments/payouts/sandbox-payout-notification.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { sandboxPrivateKey } from './payment-fixtures.js';
import { overpaidLoan, refundDesk, refundsOf, startApprovedPayout } from './payout-fixtures.js';

/** A sandbox payout left pending: the officer queries the gateway, or cancels the payout to pay the credit again. */
const OWN = 'cust-follow-up';
let t: TestApp;
let productId: string;

interface Checked { payout: { id: string; status: string; confirmation: { channelReference: string } | null; failure: { reason: string } | null }; providerState: string }

async function startPayout(loanId: string, body: Record<string, unknown>): Promise<{ id: string; amount: string }> {
  const res = await startApprovedPayout(t, loanId, body);
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body) as { id: string; amount: string };
}
const query = (id: string) => t.call(STAFF.officer, 'POST', `/v1/payouts/${id}/status-query`, {});
const cancel = (id: string, reason = 'payee asked for another account') => t.call(STAFF.officer, 'POST', `/v1/payouts/${id}/cancellation`, { reason });
const checked = (res: { statusCode: number; body: string }): Checked => {
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body) as Checked;
};
/** The gateway paid the payout (its books say so) but its notification never reached the lender. */
const paidWithLostNotification = (payoutId: string, amount: string) => SandboxPayoutLedger.inDataDir(t.dataDir).end(payoutId, 'paid', amount, new Date());

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  await verifiedCustomer(t, OWN);
});
afterAll(() => t.close());

describe('querying a pending payout', () => {
  it('records what the gateway paid when its notification was lost, once however often asked or notified', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-follow-1');
    const payout = await startPayout(loanId, { channel: 'sandbox', amount: '60.00' });
    const waiting = checked(await query(payout.id));
    expect(waiting).toMatchObject({ providerState: 'AWAITING_PAYOUT', payout: { status: 'pending' } });
    expect(await refundsOf(t, loanId)).toHaveLength(0);

    await paidWithLostNotification(payout.id, '60.00');
    const paid = checked(await query(payout.id));
    expect(paid).toMatchObject({ providerState: 'SUCCESS', payout: { status: 'confirmed', confirmation: { channelReference: `SBXT-${payout.id}` } } });
    checked(await query(payout.id));
    // The notification arrives late after all: the same reference, nothing new.
    const late = sandboxPayoutNotification(sandboxPrivateKey(t), { payoutId: payout.id, amount: '60.00', outcome: 'paid' }, new Date());
    expect((await t.runtime.app.inject({ method: 'POST', url: '/v1/payments/payout-notify/sandbox', headers: late.headers, payload: late.body })).statusCode).toBe(200);
    expect((await refundsOf(t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount: '60.00', channel: 'online', reference: `SBXT-${payout.id}` })]);
    const events = await t.runtime.eventStore.readStream(`payout-${payout.id}`);
    expect(events.map((e) => e.type)).toEqual(['PayoutCreated', 'PayoutApproved', 'PayoutConfirmed']);
  });

  it('refuses to query a bank transfer (422) or a payout that does not exist (404)', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-follow-2');
    const bank = await startPayout(loanId, { channel: 'bank-transfer', amount: '10.00' });
    refused(await query(bank.id), 422, 'PAYOUT_NOT_QUERYABLE');
    refused(await cancel(bank.id), 422, 'PAYOUT_NOT_CANCELLABLE');
    refused(await query('no-such-payout'), 404, 'PAYOUT_NOT_FOUND');
    refused(await cancel('no-such-payout'), 404, 'PAYOUT_NOT_FOUND');
    refused(await t.call(STAFF.officer, 'POST', `/v1/payouts/${bank.id}/cancellation`, {}), 400, 'VALIDATION_FAILED');
    refused(await t.call(STAFF.compliance, 'POST', `/v1/payouts/${bank.id}/status-query`, {}), 403, 'FORBIDDEN');
  });
});

describe('cancelling a pending payout', () => {
  it('cancels through the gateway, frees the credit for a new payout, and the gateway then refuses to pay it', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-follow-3');
    const payout = await startPayout(loanId, { channel: 'sandbox' });
    expect((await refundDesk(t, loanId)).refundable).toBe('0.00');
    const cancelled = checked(await cancel(payout.id));
    expect(cancelled).toMatchObject({ providerState: 'CANCELLED', payout: { status: 'failed' } });
    expect(cancelled.payout.failure?.reason).toMatch(/^cancelled by officer-olga \(payee asked for another account\): CANCELLED/);
    expect(await refundDesk(t, loanId)).toMatchObject({ creditBalance: credit, reserved: '0.00', refundable: credit });

    const page = await t.runtime.app.inject({ method: 'POST', url: `/v1/payments/sandbox/payouts/${payout.id}/confirm`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('nothing was paid');
    refused(await cancel(payout.id), 409, 'PAYOUT_NOT_PENDING');
    expect(await refundsOf(t, loanId)).toHaveLength(0);

    const again = await startPayout(loanId, { channel: 'sandbox' });
    expect(again.amount).toBe(credit);
  });

  it('refuses to cancel what the gateway already paid, and records that payment instead', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-follow-4');
    const payout = await startPayout(loanId, { channel: 'sandbox', amount: '25.00' });
    await paidWithLostNotification(payout.id, '25.00');
    refused(await cancel(payout.id), 409, 'PAYOUT_ALREADY_PAID');
    expect((await refundsOf(t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount: '25.00', reference: `SBXT-${payout.id}` })]);
    refused(await cancel(payout.id), 409, 'PAYOUT_NOT_PENDING');
  });
});
