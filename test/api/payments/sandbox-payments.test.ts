import { generateKeyPairSync } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sandboxNotification } from '../../../src/payments/sandbox/sandbox-gateway.js';
import { SANDBOX_KEY_FILE } from '../../../src/payments/sandbox/sandbox-keys.js';
import { signSandboxBody } from '../../../src/payments/sandbox/sandbox-signature.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { deliver, repaymentsOf, sandboxPrivateKey } from './payment-fixtures.js';

const OWN = 'cust-pay';
let t: TestApp;
let loanId: string;

interface Intent { id: string; status: string; amount: string; action: { type: string; url: string }; position: string }

async function newIntent(amount = '500.00'): Promise<Intent> {
  const res = await t.call(borrower(OWN), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount, channel: 'sandbox' });
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body) as Intent;
}

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, OWN);
  await verifiedCustomer(t, 'cust-stranger');
  loanId = await activeLoan(t, OWN, productId, '2026-01-15', '10000.00');
});
afterAll(() => t.close());

describe('payment intents through the sandbox', () => {
  it('generates the gateway key into the data dir, readable by the owner only', () => {
    expect(statSync(path.join(t.dataDir, SANDBOX_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('borrower pays: intent → sandbox page confirms → the loan summary shows the payment (read-your-writes)', async () => {
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    const before = JSON.parse((await t.call(borrower(OWN), 'GET', `/v1/loans/${loanId}`)).body) as { outstanding: { principal: string } };
    const intent = await newIntent('1000.00');
    expect(intent).toMatchObject({ status: 'pending', amount: '1000.00', action: { type: 'redirect' } });
    expect(intent.action.url).toMatch(new RegExp(`/v1/payments/sandbox/${intent.id}$`));

    const page = await t.runtime.app.inject({ method: 'GET', url: `/v1/payments/sandbox/${intent.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('1000.00 CNY');
    expect(page.body).toContain(`/v1/payments/sandbox/${intent.id}/confirm`);

    const confirm = await t.runtime.app.inject({
      method: 'POST', url: `/v1/payments/sandbox/${intent.id}/confirm`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '',
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.body).toContain('confirmed');

    const view = JSON.parse((await t.call(borrower(OWN), 'GET', `/v1/payment-intents/${intent.id}`)).body) as { status: string; position: string; confirmation: { providerTxnId: string; flags: string[] } };
    expect(view).toMatchObject({ status: 'confirmed', confirmation: { providerTxnId: `SBX-${intent.id}`, flags: [] } });
    const after = JSON.parse((await t.call(borrower(OWN), 'GET', `/v1/loans/${loanId}?minPosition=${view.position}`)).body) as { outstanding: { principal: string } };
    expect(Number(after.outstanding.principal)).toBeLessThan(Number(before.outstanding.principal));
    const recorded = (await repaymentsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === `SBX-${intent.id}`);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.data).toMatchObject({ amount: '1000.00', channel: 'online' });
    expect(recorded[0]!.actor).toMatchObject({ sub: 'channel:sandbox', role: 'system' });
  });

  it('records a notification delivered five times once, acknowledging each', async () => {
    const intent = await newIntent('200.00');
    const key = sandboxPrivateKey(t);
    for (let i = 0; i < 5; i++) {
      const res = await deliver(t, 'sandbox', sandboxNotification(key, { intentId: intent.id, amount: '200.00', outcome: 'paid' }, new Date()));
      expect(res.statusCode, res.body).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ code: 'SUCCESS' });
    }
    expect((await repaymentsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === `SBX-${intent.id}`)).toHaveLength(1);
    const events = await t.runtime.eventStore.readStream(`payment-${intent.id}`);
    expect(events.map((e) => e.type)).toEqual(['PaymentIntentCreated', 'PaymentConfirmed']);
  });

  it('refuses forged, unsigned, tampered, stale and replayed notifications, recording nothing', async () => {
    const intent = await newIntent('300.00');
    const key = sandboxPrivateKey(t);
    const count = async () => (await repaymentsOf(t, loanId)).length + (await t.runtime.eventStore.readStream(`payment-${intent.id}`)).length;
    const start = await count();
    const genuine = () => sandboxNotification(key, { intentId: intent.id, amount: '300.00', outcome: 'paid' }, new Date());

    const forger = generateKeyPairSync('ed25519').privateKey;
    refused(await deliver(t, 'sandbox', sandboxNotification(forger, { intentId: intent.id, amount: '300.00', outcome: 'paid' }, new Date())), 400, 'NOTIFICATION_SIGNATURE_INVALID');

    const unsigned = genuine();
    refused(await deliver(t, 'sandbox', { headers: { 'content-type': 'application/json' }, body: unsigned.body }), 400, 'NOTIFICATION_UNSIGNED');

    const tampered = genuine();
    refused(await deliver(t, 'sandbox', { headers: tampered.headers, body: tampered.body.replace('"300.00"', '"3.00"') }), 400, 'NOTIFICATION_SIGNATURE_INVALID');

    const stale = sandboxNotification(key, { intentId: intent.id, amount: '300.00', outcome: 'paid' }, new Date(Date.now() - 3_600_000));
    refused(await deliver(t, 'sandbox', stale), 400, 'NOTIFICATION_STALE');

    const otherChannel = genuine();
    refused(await deliver(t, 'alipay', otherChannel), 422, 'CHANNEL_NOT_CONFIGURED');

    const garbage = signSandboxBody(key, '{"intentId":1}', new Date());
    refused(await deliver(t, 'sandbox', { headers: { 'content-type': 'application/json', ...garbage }, body: '{"intentId":1}' }), 400, 'NOTIFICATION_MALFORMED');
    expect(await count()).toBe(start);

    const once = genuine();
    expect((await deliver(t, 'sandbox', once)).statusCode).toBe(200);
    refused(await deliver(t, 'sandbox', once), 409, 'NOTIFICATION_REPLAYED');
    expect(await count()).toBe(start + 2);
  });

  it('records an amount that differs from the intent and flags the intent for an officer', async () => {
    const intent = await newIntent('400.00');
    const res = await deliver(t, 'sandbox', sandboxNotification(sandboxPrivateKey(t), { intentId: intent.id, amount: '350.00', outcome: 'paid' }, new Date()));
    expect(res.statusCode, res.body).toBe(200);
    const view = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payment-intents/${intent.id}`)).body) as { confirmation: { amount: string; flags: string[] } };
    expect(view.confirmation).toMatchObject({ amount: '350.00', flags: ['AMOUNT_DIFFERS'] });
    expect((await repaymentsOf(t, loanId)).some((e) => (e.data as { reference: string; amount: string }).reference === `SBX-${intent.id}` && (e.data as { amount: string }).amount === '350.00')).toBe(true);
  });

  it('marks a failed payment failed and records no repayment', async () => {
    const intent = await newIntent('100.00');
    const before = (await repaymentsOf(t, loanId)).length;
    const res = await t.runtime.app.inject({ method: 'POST', url: `/v1/payments/sandbox/${intent.id}/fail`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(res.statusCode, res.body).toBe(200);
    const view = JSON.parse((await t.call(borrower(OWN), 'GET', `/v1/payment-intents/${intent.id}`)).body) as { status: string };
    expect(view.status).toBe('failed');
    expect((await repaymentsOf(t, loanId)).length).toBe(before);
  });

  it('hides another borrower\'s loan and intents, refuses unconfigured channels and bad input', async () => {
    const intent = await newIntent('10.00');
    refused(await t.call(borrower('cust-stranger'), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '10.00', channel: 'sandbox' }), 404, 'NOT_FOUND');
    refused(await t.call(borrower('cust-stranger'), 'GET', `/v1/payment-intents/${intent.id}`), 404, 'NOT_FOUND');
    refused(await t.call(borrower(OWN), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '10.00', channel: 'wechat' }), 422, 'CHANNEL_NOT_CONFIGURED');
    refused(await t.call(borrower(OWN), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '10.001', channel: 'sandbox' }), 400, 'AMOUNT_TOO_PRECISE');
    refused(await t.call(borrower(OWN), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '10.00', channel: 'paypal' }), 400, 'VALIDATION_FAILED');
    refused(await t.call(STAFF.officer, 'POST', '/v1/loans/no-such-loan/payment-intents', { amount: '10.00', channel: 'sandbox' }), 404, 'LOAN_NOT_FOUND');
    refused(await t.call(STAFF.officer, 'GET', '/v1/payment-intents/no-such-intent'), 404, 'NOT_FOUND');
    expect((await t.runtime.app.inject({ method: 'GET', url: '/v1/payments/sandbox/no-such-intent' })).statusCode).toBe(404);
    // The payer abandons it at the gateway: the loan is free for another intent.
    expect((await t.runtime.app.inject({ method: 'POST', url: `/v1/payments/sandbox/${intent.id}/fail`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' })).statusCode).toBe(200);
  });

  it('takes no payment on an expired intent and records its expiry', async () => {
    const intent = await newIntent('20.00');
    // Only Date is faked: the intent's 30 minutes have passed for the server's clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60_000);
    try {
      const res = await t.runtime.app.inject({ method: 'POST', url: `/v1/payments/sandbox/${intent.id}/confirm`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('expired');
    } finally {
      vi.useRealTimers();
    }
    const events = await t.runtime.eventStore.readStream(`payment-${intent.id}`);
    expect(events.map((e) => e.type)).toEqual(['PaymentIntentCreated', 'PaymentIntentExpired']);
  });

  it('books a payment confirmed in the evening (UTC) on the business day of the lender, not the UTC date', async () => {
    // 2026-06-10 20:00 UTC is 2026-06-11 04:00 in Asia/Shanghai: a loan disbursed that business day can be repaid at once.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-10T20:00:00Z'));
    try {
      const productId = await defineProduct(t);
      await verifiedCustomer(t, 'cust-evening');
      const evening = await activeLoan(t, 'cust-evening', productId, '2026-06-11', '5000.00');
      const res = await t.call(borrower('cust-evening'), 'POST', `/v1/loans/${evening}/payment-intents`, { amount: '100.00', channel: 'sandbox' });
      expect(res.statusCode, res.body).toBe(201);
      const intent = JSON.parse(res.body) as Intent;
      const confirm = await t.runtime.app.inject({ method: 'POST', url: `/v1/payments/sandbox/${intent.id}/confirm`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      expect(confirm.statusCode, confirm.body).toBe(200);
      const recorded = (await repaymentsOf(t, evening)).filter((e) => (e.data as { reference: string }).reference === `SBX-${intent.id}`);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.data).toMatchObject({ amount: '100.00' });
      expect(recorded[0]!.occurredAt.slice(0, 10)).toBe('2026-06-11');
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets only an officer record a repayment directly', async () => {
    const body = { amount: '10.00', channel: 'bank_transfer', reference: 'cash-desk-1' };
    refused(await t.call(borrower(OWN), 'POST', `/v1/loans/${loanId}/repayments`, body), 403, 'FORBIDDEN');
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, body));
  });
});
