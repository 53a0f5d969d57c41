import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxPayoutNotification } from '../../../src/payments/payouts/sandbox-payout-notification.js';
import { sandboxNotification } from '../../../src/payments/sandbox/sandbox-gateway.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { sandboxPrivateKey } from './payment-fixtures.js';
import { overpaidLoan, refundDesk, refundsOf, startApprovedPayout } from './payout-fixtures.js';

const OWN = 'cust-refund';
let t: TestApp;
let productId: string;

interface Started { id: string; status: string; amount: string; actionUrl: string | null }

async function startPayout(loanId: string, body: Record<string, unknown>): Promise<Started> {
  const res = await startApprovedPayout(t, loanId, body);
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body) as Started;
}

const deliverPayout = (notification: { headers: Record<string, string>; body: string }) =>
  t.runtime.app.inject({ method: 'POST', url: '/v1/payments/payout-notify/sandbox', headers: notification.headers, payload: notification.body });

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  await verifiedCustomer(t, OWN);
});
afterAll(() => t.close());

describe('refunds of a credit balance go out through a channel', () => {
  it('sandbox: pending until the gateway confirms; five deliveries record one refund and close the loan', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-refund-1');
    expect(Number(credit)).toBeGreaterThan(0);
    const payout = await startPayout(loanId, { channel: 'sandbox' });
    expect(payout).toMatchObject({ status: 'pending', amount: credit });
    expect(payout.actionUrl).toMatch(new RegExp(`/v1/payments/sandbox/payouts/${payout.id}$`));
    expect(await refundsOf(t, loanId)).toHaveLength(0);
    expect(await refundDesk(t, loanId)).toMatchObject({ creditBalance: credit, reserved: credit, refundable: '0.00' });
    // The gateway's page stays on the desk and the payout while it is pending, not only in the approval's answer (QA 12 W7).
    expect(((await refundDesk(t, loanId)) as { items: { actionUrl?: string }[] }).items[0]?.actionUrl).toBe(payout.actionUrl);
    expect(JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payouts/${payout.id}`)).body)).toMatchObject({ status: 'pending', actionUrl: payout.actionUrl });

    const key = sandboxPrivateKey(t);
    for (let i = 0; i < 5; i++) {
      const res = await deliverPayout(sandboxPayoutNotification(key, { payoutId: payout.id, amount: credit, outcome: 'paid' }, new Date()));
      expect(res.statusCode, res.body).toBe(200);
    }
    const refunds = await refundsOf(t, loanId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.data).toMatchObject({ amount: credit, channel: 'online', reference: `SBXT-${payout.id}` });
    const view = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payouts/${payout.id}`)).body) as { status: string; confirmation: { channelReference: string } };
    expect(view).toMatchObject({ status: 'confirmed', confirmation: { channelReference: `SBXT-${payout.id}` } });
    expect(view).not.toHaveProperty('actionUrl');
    const events = await t.runtime.eventStore.readStream(`payout-${payout.id}`);
    expect(events.map((e) => e.type)).toEqual(['PayoutCreated', 'PayoutApproved', 'PayoutConfirmed']);
    const loan = await t.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(loan.at(-1)?.type).toBe('LoanClosed');
  });

  it('refuses forged, unsigned, tampered, replayed and payment-shaped notifications, recording nothing', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-refund-2');
    const payout = await startPayout(loanId, { channel: 'sandbox', amount: '100.00' });
    const key = sandboxPrivateKey(t);
    const count = async () => (await refundsOf(t, loanId)).length + (await t.runtime.eventStore.readStream(`payout-${payout.id}`)).length;
    const start = await count();
    const genuine = () => sandboxPayoutNotification(key, { payoutId: payout.id, amount: '100.00', outcome: 'paid' }, new Date());

    const forger = generateKeyPairSync('ed25519').privateKey;
    refused(await deliverPayout(sandboxPayoutNotification(forger, { payoutId: payout.id, amount: '100.00', outcome: 'paid' }, new Date())), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    const unsigned = genuine();
    refused(await deliverPayout({ headers: { 'content-type': 'application/json' }, body: unsigned.body }), 400, 'NOTIFICATION_UNSIGNED');
    const tampered = genuine();
    refused(await deliverPayout({ headers: tampered.headers, body: tampered.body.replace('"100.00"', '"900.00"') }), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    refused(await deliverPayout(sandboxPayoutNotification(key, { payoutId: payout.id, amount: '100.00', outcome: 'paid' }, new Date(Date.now() - 3_600_000))), 400, 'NOTIFICATION_STALE');
    // A genuine payment notification is not a payout notification, even signed by the gateway.
    refused(await deliverPayout(sandboxNotification(key, { intentId: payout.id, amount: '100.00', outcome: 'paid' }, new Date())), 400, 'NOTIFICATION_MALFORMED');
    // Signed for more than the payout: the gateway never pays what was not asked.
    refused(await deliverPayout(sandboxPayoutNotification(key, { payoutId: payout.id, amount: '150.00', outcome: 'paid' }, new Date())), 422, 'PAYOUT_AMOUNT_MISMATCH');
    expect(await count()).toBe(start);

    const once = genuine();
    expect((await deliverPayout(once)).statusCode).toBe(200);
    refused(await deliverPayout(once), 409, 'NOTIFICATION_REPLAYED');
    expect(await refundsOf(t, loanId)).toHaveLength(1);
    const desk = await refundDesk(t, loanId);
    expect(Number(desk.creditBalance)).toBeCloseTo(Number(credit) - 100, 2);
  });

  it('a failed payout records nothing on the loan and frees the credit again', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-refund-3');
    const payout = await startPayout(loanId, { channel: 'sandbox' });
    const page = await t.runtime.app.inject({ method: 'GET', url: `/v1/payments/sandbox/payouts/${payout.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/v1/payments/sandbox/payouts/${payout.id}/fail`);
    const failed = await t.runtime.app.inject({ method: 'POST', url: `/v1/payments/sandbox/payouts/${payout.id}/fail`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.body).toContain('failed');
    expect(await refundsOf(t, loanId)).toHaveLength(0);
    expect(await refundDesk(t, loanId)).toMatchObject({ creditBalance: credit, reserved: '0.00', refundable: credit });
    // A confirmation after the failure is refused: start a new payout instead.
    refused(await deliverPayout(sandboxPayoutNotification(sandboxPrivateKey(t), { payoutId: payout.id, amount: credit, outcome: 'paid' }, new Date())), 409, 'PAYOUT_CLOSED');
    expect(await refundsOf(t, loanId)).toHaveLength(0);
  });

  it('never refunds more than the free credit (422), counting payouts still pending', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-refund-4');
    const more = (Number(credit) + 0.01).toFixed(2);
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'sandbox', amount: more }), 422, 'REFUND_EXCEEDS_CREDIT');
    await startPayout(loanId, { channel: 'bank-transfer', amount: '10.00' });
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'sandbox', amount: credit }), 422, 'REFUND_EXCEEDS_CREDIT');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'sandbox', amount: '1.001' }), 400, 'AMOUNT_TOO_PRECISE');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'alipay', payee: { account: 'a@example.com' } }), 422, 'CHANNEL_NOT_CONFIGURED');
    expect(await refundsOf(t, loanId)).toHaveLength(0);
  });

  it('two officers starting a payout for all the credit at once: one payout, the other refused', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-refund-7');
    const both = await Promise.all([0, 1].map(() => t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'bank-transfer', amount: credit })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, expect.any(Number)]);
    const loser = both.find((r) => r.statusCode !== 201);
    expect(['PAYOUT_CONCURRENT', 'REFUND_EXCEEDS_CREDIT']).toContain((JSON.parse(loser?.body ?? '{}') as { code: string }).code);
    expect((await refundDesk(t, loanId)).items).toHaveLength(1);
  });

  it('counts a reservation whose payout is not created yet: another request between the two appends cannot take the same credit', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-refund-gap');
    // What a concurrent request leaves for an instant: PayoutReserved on the desk, no payout stream yet.
    await t.runtime.eventStore.append(`payoutdesk-${loanId}`, [{
      type: 'PayoutReserved', data: { payoutId: 'in-flight', amount: credit }, occurredAt: new Date().toISOString(),
      actor: { sub: 'officer-2', role: 'officer' }, correlationId: 'gap',
    }], 'no_stream');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'bank-transfer', amount: credit }), 422, 'REFUND_EXCEEDS_CREDIT');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'bank-transfer' }), 422, 'REFUND_EXCEEDS_CREDIT');
  });

  it('a retried request with the same Idempotency-Key answers with the first payout and opens no second one', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-refund-8');
    const send = () => t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'bank-transfer', amount: '20.00' }, { 'idempotency-key': 'refund-retry-1' });
    const first = await send();
    const again = await send();
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect((JSON.parse(again.body) as { id: string }).id).toBe((JSON.parse(first.body) as { id: string }).id);
    expect((await refundDesk(t, loanId)).items).toHaveLength(1);
  });

  it('bank transfer: an officer confirms with the bank\'s reference once; a payout of another channel is not settled by hand', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-refund-5');
    const payout = await startPayout(loanId, { channel: 'bank-transfer', amount: '50.00' });
    expect(payout).toMatchObject({ status: 'pending', actionUrl: null });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString();
    refused(await t.call(STAFF.officer, 'POST', `/v1/payouts/${payout.id}/confirmation`, { bankReference: 'BOC-REF-1', executedAt: tomorrow }), 422, 'DATE_AFTER_BUSINESS_DATE');
    expect(await refundsOf(t, loanId)).toHaveLength(0);
    const confirm = () => t.call(STAFF.officer, 'POST', `/v1/payouts/${payout.id}/confirmation`, { bankReference: 'BOC-REF-1' });
    expect((await confirm()).statusCode).toBe(201);
    expect((await confirm()).statusCode).toBe(200);
    refused(await t.call(STAFF.officer, 'POST', `/v1/payouts/${payout.id}/confirmation`, { bankReference: 'BOC-REF-2' }), 409, 'PAYOUT_ALREADY_CONFIRMED');
    refused(await t.call(STAFF.officer, 'POST', `/v1/payouts/${payout.id}/failure`, { reason: 'returned' }), 409, 'PAYOUT_CLOSED');
    const refunds = await refundsOf(t, loanId);
    expect(refunds.map((e) => e.data)).toEqual([expect.objectContaining({ amount: '50.00', channel: 'bank_transfer', reference: 'BOC-REF-1' })]);

    const sandbox = await startPayout(loanId, { channel: 'sandbox', amount: '5.00' });
    refused(await t.call(STAFF.officer, 'POST', `/v1/payouts/${sandbox.id}/confirmation`, { bankReference: 'BOC-REF-3' }), 422, 'PAYOUT_NOT_BANK_TRANSFER');
    refused(await t.call(STAFF.officer, 'POST', '/v1/payouts/nope/confirmation', { bankReference: 'BOC-REF-3' }), 404, 'PAYOUT_NOT_FOUND');
  });

  it('refuses a payout on a loan that is not overpaid (409) or does not exist (404)', async () => {
    refused(await t.call(STAFF.officer, 'POST', '/v1/loans/no-such-loan/refunds', { channel: 'sandbox' }), 404, 'LOAN_NOT_FOUND');
    const active = await activeLoan(t, OWN, productId, '2026-01-15', '5000.00', 'loan-refund-6');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${active}/refunds`, { channel: 'sandbox' }), 409, 'LOAN_NOT_OVERPAID');
  });

  it('an admin\'s refund outside the channels takes only the credit no pending payout reserved (QA: the same credit went out twice)', async () => {
    await verifiedCustomer(t, 'cust-refund-8');
    const { loanId, credit } = await overpaidLoan(t, 'cust-refund-8', productId, 'loan-refund-18');
    const payout = await startPayout(loanId, { channel: 'sandbox', amount: '10.00' });
    const decree = (body: Record<string, unknown>) => t.call(STAFF.admin, 'POST', `/v1/loans/${loanId}/refund`, { channel: 'cash', effectiveDate: '2026-01-20', ...body });
    const free = (Number(credit) - 10).toFixed(2);
    // With a payout pending, a bad amount is still the one amount rule's 400 (it was a 500 for text, a silent rounding for 1.001).
    refused(await decree({ amount: '1.001', reference: 'CASH-0' }), 400, 'AMOUNT_TOO_PRECISE');
    refused(await decree({ amount: 'abc', reference: 'CASH-0' }), 400, 'INVALID_AMOUNT');
    const over = await decree({ amount: credit, reference: 'CASH-1' });
    refused(over, 422, 'REFUND_EXCEEDS_CREDIT');
    expect((JSON.parse(over.body) as { detail: string }).detail).toBe(`Refund ${credit} exceeds the refundable credit ${free}: 10.00 of the ${credit} credit is reserved by pending refund payouts`);
    expect(await refundsOf(t, loanId)).toHaveLength(0);
    // Without an amount: all the free credit, and the loan stays open for the pending payout.
    accepted(await decree({ reference: 'CASH-2' }));
    expect((await refundsOf(t, loanId)).map((e) => (e.data as { amount: string }).amount)).toEqual([free]);
    expect(await refundDesk(t, loanId)).toMatchObject({ creditBalance: '10.00', reserved: '10.00', refundable: '0.00' });
    refused(await decree({ reference: 'CASH-3' }), 422, 'REFUND_EXCEEDS_CREDIT');
    // The replay of the first decree answers with its first result (200), recording nothing.
    accepted(await decree({ reference: 'CASH-2' }), 200);
    expect((await deliverPayout(sandboxPayoutNotification(sandboxPrivateKey(t), { payoutId: payout.id, amount: '10.00', outcome: 'paid' }, new Date()))).statusCode).toBe(200);
    const loan = await t.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(loan.filter((e) => e.type === 'RefundIssued')).toHaveLength(2);
    expect(loan.at(-1)?.type).toBe('LoanClosed');
  });

  it('a payout paid after the repayment it was reserved from bounced is recorded, as owed back (QA: it went out with no trace)', async () => {
    await verifiedCustomer(t, 'cust-refund-9');
    const { loanId, credit } = await overpaidLoan(t, 'cust-refund-9', productId, 'loan-refund-19');
    const payout = await startPayout(loanId, { channel: 'sandbox' });
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/OVER-loan-refund-19/reversal`, { reason: 'chargeback', effectiveDate: '2026-01-25' }));
    const paid = await deliverPayout(sandboxPayoutNotification(sandboxPrivateKey(t), { payoutId: payout.id, amount: credit, outcome: 'paid' }, new Date()));
    expect(paid.statusCode, paid.body).toBe(200);
    expect((await refundsOf(t, loanId)).map((e) => (e.data as { amount: string }).amount)).toEqual([credit]);
    const view = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payouts/${payout.id}`)).body) as { status: string };
    expect(view.status).toBe('confirmed');
    const payoff = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=2026-01-25`)).body) as { refundDue: string };
    expect(payoff.refundDue).toBe(credit);
  });
});

