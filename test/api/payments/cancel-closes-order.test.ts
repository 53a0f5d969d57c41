import { createSign } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';
import { ALIPAY_APP_ID, alipayFields, formHeaders, signedAlipayForm } from './alipay-fixtures.js';
import { deliver, repaymentsOf } from './payment-fixtures.js';
import { rsaKeyPairFiles } from './provider-keys.js';
import { signWechatAnswers, WECHAT } from './wechat-fixtures.js';

/**
 * Cancelling an intent left its order open at the provider, so a borrower could pay both the cancelled
 * order and the next one. Now the order is closed first (alipay.trade.close, WeChat Pay's close-order, the
 * sandbox gateway refusing it); an order the borrower paid first is not cancelled (409) and is recorded as usual.
 */
const alipayApp = rsaKeyPairFiles('alipay-app');
const alipayPlatform = rsaKeyPairFiles('alipay-platform');
const merchant = rsaKeyPairFiles('merchant');
const platform = rsaKeyPairFiles('platform');
let t: TestApp;
let gateway: FastifyInstance;
let productId: string;
let borrowers = 0;
/** Orders the fake providers hold, by out_trade_no: paid by the borrower, or closed by the lender. */
const paidAtProvider = new Set<string>();
const closeCalls: { channel: string; outTradeNo: string; body: unknown }[] = [];
let wechatDown = false;

function alipayAnswer(method: string, inner: Record<string, unknown>): string {
  const text = JSON.stringify(inner);
  const sign = createSign('RSA-SHA256').update(text, 'utf8').sign(alipayPlatform.privateKey, 'base64');
  return `{"${method.replaceAll('.', '_')}_response":${text},"sign":"${sign}"}`;
}

beforeAll(async () => {
  gateway = Fastify();
  signWechatAnswers(gateway, platform.privateKey);
  gateway.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
  gateway.post('/gateway.do', async (request, reply) => {
    const query = request.query as Record<string, string>;
    const form = (request.body ?? {}) as Record<string, string>;
    const method = query.method ?? form.method ?? '';
    const biz = JSON.parse(form.biz_content ?? query.biz_content ?? '{}') as { out_trade_no: string };
    reply.type('application/json');
    if (method === 'alipay.trade.close') {
      closeCalls.push({ channel: 'alipay', outTradeNo: biz.out_trade_no, body: biz });
      if (paidAtProvider.has(biz.out_trade_no)) return alipayAnswer(method, { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_STATUS_ERROR', sub_msg: '交易状态不合法' });
      return alipayAnswer(method, { code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no, trade_no: `T-${biz.out_trade_no}` });
    }
    if (method === 'alipay.trade.query') {
      return alipayAnswer(method, { code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no, trade_status: paidAtProvider.has(biz.out_trade_no) ? 'TRADE_SUCCESS' : 'TRADE_CLOSED', total_amount: '80.00' });
    }
    return reply.status(400).send('{}');
  });
  gateway.post('/v3/pay/transactions/native', async () => ({ code_url: 'weixin://wxpay/bizpayurl?pr=abc123' }));
  gateway.post('/v3/pay/transactions/out-trade-no/:outTradeNo/close', async (request, reply) => {
    const { outTradeNo } = request.params as { outTradeNo: string };
    closeCalls.push({ channel: 'wechat', outTradeNo, body: request.body });
    if (wechatDown) return reply.status(500).send({ code: 'SYSTEM_ERROR', message: '系统异常' });
    if (paidAtProvider.has(outTradeNo)) return reply.status(400).send({ code: 'ORDERPAID', message: '订单已支付' });
    return reply.status(204).send('');
  });
  const base = await gateway.listen({ host: '127.0.0.1', port: 0 });
  t = await openTestApp({
    env: {
      LENDCORE_ALIPAY_APP_ID: ALIPAY_APP_ID, LENDCORE_ALIPAY_PRIVATE_KEY_FILE: alipayApp.privateFile, LENDCORE_ALIPAY_PUBLIC_KEY_FILE: alipayPlatform.publicFile,
      LENDCORE_ALIPAY_GATEWAY: `${base}/gateway.do`,
      LENDCORE_WECHAT_MCH_ID: WECHAT.mchId, LENDCORE_WECHAT_APP_ID: WECHAT.appId, LENDCORE_WECHAT_SERIAL_NO: 'MERCHANT-SERIAL',
      LENDCORE_WECHAT_PRIVATE_KEY_FILE: merchant.privateFile, LENDCORE_WECHAT_PLATFORM_KEY_FILE: platform.publicFile,
      LENDCORE_WECHAT_APIV3_KEY: WECHAT.apiV3Key, LENDCORE_WECHAT_API_BASE: base, LENDCORE_PUBLIC_URL: 'https://lender.example.com',
    },
  });
  productId = await defineProduct(t);
});
afterAll(async () => {
  await t.close();
  await gateway.close();
});

async function intent(channel: 'alipay' | 'wechat' | 'sandbox'): Promise<{ owner: string; loanId: string; id: string }> {
  const owner = `cust-close-${(borrowers += 1)}`;
  await verifiedCustomer(t, owner);
  const loanId = await activeLoan(t, owner, productId, '2026-01-15', '10000.00');
  const res = await t.call(borrower(owner), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '80.00', channel });
  expect(res.statusCode, res.body).toBe(201);
  return { owner, loanId, id: (JSON.parse(res.body) as { id: string }).id };
}
const cancel = (owner: string, id: string) => t.call(borrower(owner), 'POST', `/v1/payment-intents/${id}/cancellation`, {});
const statusOf = async (owner: string, id: string) => (JSON.parse((await t.call(borrower(owner), 'GET', `/v1/payment-intents/${id}`)).body) as { status: string }).status;

describe('cancelling a payment intent closes its order at the provider', () => {
  it('Alipay: alipay.trade.close by out_trade_no, then the intent is cancelled; cancelling again asks Alipay nothing', async () => {
    const { owner, id } = await intent('alipay');
    const res = await cancel(owner, id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed' });
    expect(closeCalls.filter((c) => c.outTradeNo === id)).toEqual([{ channel: 'alipay', outTradeNo: id, body: { out_trade_no: id } }]);
    expect((await cancel(owner, id)).statusCode).toBe(200);
    expect(closeCalls.filter((c) => c.outTradeNo === id)).toHaveLength(1);
  });

  it('Alipay: an order the borrower paid first is not cancelled (409) and its payment is recorded as normal', async () => {
    const { owner, loanId, id } = await intent('alipay');
    paidAtProvider.add(id);
    const res = await cancel(owner, id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PAYMENT_ALREADY_CONFIRMED' });
    expect(await statusOf(owner, id)).toBe('pending');
    const body = signedAlipayForm(alipayPlatform.privateKey, alipayFields({ intentId: id, tradeNo: '2026120322009900001', amount: '80.00' }));
    expect((await deliver(t, 'alipay', { headers: formHeaders, body })).statusCode).toBe(200);
    const intentNow = JSON.parse((await t.call(borrower(owner), 'GET', `/v1/payment-intents/${id}`)).body) as { status: string; confirmation: { flags: string[] } };
    expect(intentNow).toMatchObject({ status: 'confirmed', confirmation: { flags: [] } });
    expect((await repaymentsOf(t, loanId)).map((e) => e.data)).toMatchObject([{ amount: '80.00', reference: '2026120322009900001' }]);
  });

  it('WeChat Pay: POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close {mchid}; paid first → 409; no answer → 502 and still pending', async () => {
    const closed = await intent('wechat');
    expect((await cancel(closed.owner, closed.id)).statusCode).toBe(200);
    const otn = closed.id.replaceAll('-', '');
    expect(closeCalls.filter((c) => c.outTradeNo === otn)).toEqual([{ channel: 'wechat', outTradeNo: otn, body: { mchid: WECHAT.mchId } }]);

    const paid = await intent('wechat');
    paidAtProvider.add(paid.id.replaceAll('-', ''));
    const refused = await cancel(paid.owner, paid.id);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'PAYMENT_ALREADY_CONFIRMED' });
    expect(await statusOf(paid.owner, paid.id)).toBe('pending');

    const unreachable = await intent('wechat');
    wechatDown = true;
    const down = await cancel(unreachable.owner, unreachable.id);
    wechatDown = false;
    expect(down.statusCode, down.body).toBe(502);
    expect(down.json()).toMatchObject({ code: 'CHANNEL_UNAVAILABLE' });
    expect(await statusOf(unreachable.owner, unreachable.id)).toBe('pending');
  });

  it('sandbox: the gateway takes no payment on a cancelled intent', async () => {
    const { owner, loanId, id } = await intent('sandbox');
    expect((await cancel(owner, id)).statusCode).toBe(200);
    const pay = await t.runtime.app.inject({ method: 'POST', url: `/v1/payments/sandbox/${id}/confirm`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(pay.statusCode).toBe(409);
    expect(await repaymentsOf(t, loanId)).toHaveLength(0);
    expect(await statusOf(owner, id)).toBe('failed');
  });
});
