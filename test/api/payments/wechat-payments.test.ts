import { createVerify } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { deliver, repaymentsOf } from './payment-fixtures.js';
import { rsaKeyPairFiles } from './provider-keys.js';
import { signWechatAnswers, WECHAT, wechatNotificationBody, wechatSignedHeaders } from './wechat-fixtures.js';

const merchant = rsaKeyPairFiles('merchant');
const platform = rsaKeyPairFiles('platform');
const OWN = 'cust-wx';
let t: TestApp;
let loanId: string;
let productId: string;
let owner = OWN;
let borrowers = 0;
/** A stand-in for api.mch.weixin.qq.com on localhost: it checks the merchant's request signature like WeChat Pay does. */
let gateway: FastifyInstance;
const orders: { body: Record<string, unknown>; signatureValid: boolean }[] = [];

beforeAll(async () => {
  gateway = Fastify();
  gateway.post('/v3/pay/transactions/native', async (request) => {
    const auth = String(request.headers.authorization);
    const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(auth)?.[1] ?? '';
    const body = JSON.stringify(request.body);
    const message = `POST\n/v3/pay/transactions/native\n${field('timestamp')}\n${field('nonce_str')}\n${body}\n`;
    const signatureValid = auth.startsWith('WECHATPAY2-SHA256-RSA2048 ') && field('mchid') === WECHAT.mchId && field('serial_no') === 'MERCHANT-SERIAL'
      && createVerify('RSA-SHA256').update(message).verify(merchant.publicKey, field('signature'), 'base64');
    orders.push({ body: request.body as Record<string, unknown>, signatureValid });
    return { code_url: 'weixin://wxpay/bizpayurl?pr=abc123' };
  });
  // Cancelling an intent closes its order (WeChat answers 204, signed like every v3 answer).
  signWechatAnswers(gateway, platform.privateKey);
  gateway.post('/v3/pay/transactions/out-trade-no/:outTradeNo/close', async (_request, reply) => reply.status(204).send(''));
  const apiBase = await gateway.listen({ host: '127.0.0.1', port: 0 });
  t = await openTestApp({
    env: {
      LENDCORE_WECHAT_MCH_ID: WECHAT.mchId, LENDCORE_WECHAT_APP_ID: WECHAT.appId, LENDCORE_WECHAT_SERIAL_NO: 'MERCHANT-SERIAL',
      LENDCORE_WECHAT_PRIVATE_KEY_FILE: merchant.privateFile, LENDCORE_WECHAT_PLATFORM_KEY_FILE: platform.publicFile,
      LENDCORE_WECHAT_APIV3_KEY: WECHAT.apiV3Key, LENDCORE_WECHAT_API_BASE: apiBase, LENDCORE_PUBLIC_URL: 'https://lender.example.com',
    },
  });
  productId = await defineProduct(t);
});
afterAll(async () => {
  await t.close();
  await gateway.close();
});

async function wechatIntent(amount: string): Promise<{ id: string; action: { type: string; codeUrl: string } }> {
  // A loan has one open intent at a time: each payment here is on a loan (of a borrower) of its own.
  owner = `${OWN}-${(borrowers += 1)}`;
  await verifiedCustomer(t, owner);
  loanId = await activeLoan(t, owner, productId, '2026-01-15', '10000.00');
  const res = await t.call(borrower(owner), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount, channel: 'wechat' });
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body) as { id: string; action: { type: string; codeUrl: string } };
}
const recorded = async (reference: string) => (await repaymentsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === reference);

describe('WeChat Pay v3', () => {
  it('places a signed Native order and hands the client its code_url', async () => {
    const intent = await wechatIntent('123.45');
    expect(intent.action).toEqual({ type: 'qr', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc123' });
    const order = orders.at(-1)!;
    expect(order.signatureValid).toBe(true);
    expect(order.body).toMatchObject({
      appid: WECHAT.appId, mchid: WECHAT.mchId, out_trade_no: intent.id.replaceAll('-', ''), attach: intent.id,
      notify_url: 'https://lender.example.com/v1/payments/notify/wechat', amount: { total: 12345, currency: 'CNY' },
    });
  });

  it('records a valid notification once however often it is delivered, answering {code: SUCCESS}', async () => {
    const intent = await wechatIntent('200.00');
    const body = wechatNotificationBody({ intentId: intent.id, transactionId: '4200000001', total: 20000 });
    for (let i = 0; i < 5; i++) {
      const res = await deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, body), body });
      expect(res.statusCode, res.body).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ code: 'SUCCESS' });
    }
    const payments = await recorded('4200000001');
    expect(payments).toHaveLength(1);
    expect(payments[0]!.data).toMatchObject({ amount: '200.00', channel: 'wechat' });
    const view = JSON.parse((await t.call(borrower(owner), 'GET', `/v1/payment-intents/${intent.id}`)).body) as { status: string };
    expect(view.status).toBe('confirmed');
  });

  it('puts a transaction in another currency than the intent in suspense, never on the loan as the intent\'s currency', async () => {
    // 1234 JPY read as yuan would have been 1234.00 CNY on the loan, 100 times 12.34; 1234 cents of USD 12.34 CNY.
    for (const [currency, txn, amount] of [['JPY', '4200000020', '1234'], ['USD', '4200000021', '12.34']] as const) {
      const intent = await wechatIntent('12.34');
      const body = wechatNotificationBody({ intentId: intent.id, transactionId: txn, total: 1234, currency });
      for (let i = 0; i < 2; i++) {
        const res = await deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, body), body });
        expect(res.statusCode, res.body).toBe(200);
      }
      expect(await recorded(txn)).toHaveLength(0);
      const view = JSON.parse((await t.call(borrower(owner), 'GET', `/v1/payment-intents/${intent.id}`)).body) as { status: string; position: string; confirmation: { flags: string[] } };
      expect(view).toMatchObject({ status: 'confirmed', confirmation: { flags: expect.arrayContaining(['SUSPENDED']) } });
      const queue = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payments/suspense?minPosition=${view.position}`)).body) as { items: { id: string; intentId?: string }[] };
      expect(queue.items.filter((i) => i.intentId === intent.id)).toEqual([expect.objectContaining({ id: txn, amount, currency, reason: 'CURRENCY_MISMATCH', status: 'open' })]);
      refused(await t.call(STAFF.officer, 'POST', `/v1/payments/suspense/${txn}/assign`, { loanId }), 422, 'CURRENCY_MISMATCH');
      expect(await recorded(txn)).toHaveLength(0);
    }
    // A code no currency has (an Object.prototype name was a 500) is refused as malformed, recording nothing.
    const intent = await wechatIntent('12.34');
    const body = wechatNotificationBody({ intentId: intent.id, transactionId: '4200000022', total: 1234, currency: '__proto__' });
    refused(await deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, body), body }), 400, 'NOTIFICATION_MALFORMED');
    expect(await recorded('4200000022')).toHaveLength(0);
  });

  it('refuses every kind of forgery and records nothing', async () => {
    const intent = await wechatIntent('300.00');
    const body = wechatNotificationBody({ intentId: intent.id, transactionId: '4200000002', total: 30000 });
    const forger = rsaKeyPairFiles('forger');
    refused(await deliver(t, 'wechat', { headers: wechatSignedHeaders(forger.privateKey, body), body }), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    refused(await deliver(t, 'wechat', { headers: { 'content-type': 'application/json' }, body }), 400, 'NOTIFICATION_UNSIGNED');
    const headers = wechatSignedHeaders(platform.privateKey, body);
    refused(await deliver(t, 'wechat', { headers, body: body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS ') }), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    refused(await deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, body, new Date(Date.now() - 600_000)), body }), 400, 'NOTIFICATION_STALE');
    const otherKey = wechatNotificationBody({ intentId: intent.id, transactionId: '4200000002', total: 30000 }, 'c'.repeat(32));
    refused(await deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, otherKey), body: otherKey }), 400, 'NOTIFICATION_MALFORMED');
    const otherMerchant = wechatNotificationBody({ intentId: intent.id, transactionId: '4200000002', total: 30000, mchId: '1900000999' });
    refused(await deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, otherMerchant), body: otherMerchant }), 400, 'NOTIFICATION_MALFORMED');
    expect(await recorded('4200000002')).toHaveLength(0);

    const res = await deliver(t, 'wechat', { headers, body });
    expect(res.statusCode, res.body).toBe(200);
    refused(await deliver(t, 'wechat', { headers, body }), 409, 'NOTIFICATION_REPLAYED');
    expect(await recorded('4200000002')).toHaveLength(1);
  });

  it('places no other order for an Idempotency-Key retried after its intent was cancelled, nor for three requests at once under one key (intent13)', async () => {
    const intent = await wechatIntent('33.00');
    const keyed = (key: string) => t.call(borrower(owner), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '11.00', channel: 'wechat' }, { 'idempotency-key': key });
    expect((await t.call(borrower(owner), 'POST', `/v1/payment-intents/${intent.id}/cancellation`, {})).statusCode).toBe(200);
    const first = await keyed('wx-key-1');
    expect(first.statusCode, first.body).toBe(201);
    const firstId = (JSON.parse(first.body) as { id: string }).id;
    expect((await t.call(borrower(owner), 'POST', `/v1/payment-intents/${firstId}/cancellation`, {})).statusCode).toBe(200);
    const placed = orders.length;
    const retried = await keyed('wx-key-1');
    expect(retried.statusCode, retried.body).toBe(200);
    expect(orders.length, 'a new WeChat Pay order for the retried key').toBe(placed);
    expect(JSON.parse(retried.body)).toMatchObject({ id: firstId, status: 'failed', action: null });

    const race = await Promise.all([1, 2, 3].map(() => keyed('wx-key-2')));
    const ids = new Set(race.filter((r) => r.statusCode < 300).map((r) => (JSON.parse(r.body) as { id: string }).id));
    expect(ids.size, race.map((r) => r.body).join('\n')).toBe(1);
    expect(new Set(orders.slice(placed).map((o) => o.body.out_trade_no))).toEqual(new Set([...ids].map((id) => id.replaceAll('-', ''))));
  });
});
