import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateAt } from '../../../src/app/business-date.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';
import { deliver } from './payment-fixtures.js';
import { rsaKeyPairFiles } from './provider-keys.js';
import { signWechatAnswers, WECHAT, wechatNotificationBody, wechatSignedHeaders } from './wechat-fixtures.js';

/** The payment reconciliation never adds amounts of two currencies: every row names its currency, every total is one currency's. */
const merchant = rsaKeyPairFiles('merchant');
const platform = rsaKeyPairFiles('platform');
const today = businessDateAt(new Date());
let t: TestApp;
let gateway: FastifyInstance;
let borrowers = 0;

beforeAll(async () => {
  gateway = Fastify();
  gateway.post('/v3/pay/transactions/native', async () => ({ code_url: 'weixin://wxpay/bizpayurl?pr=rec' }));
  signWechatAnswers(gateway, platform.privateKey);
  const apiBase = await gateway.listen({ host: '127.0.0.1', port: 0 });
  t = await openTestApp({
    env: {
      LENDCORE_WECHAT_MCH_ID: WECHAT.mchId, LENDCORE_WECHAT_APP_ID: WECHAT.appId, LENDCORE_WECHAT_SERIAL_NO: 'MERCHANT-SERIAL',
      LENDCORE_WECHAT_PRIVATE_KEY_FILE: merchant.privateFile, LENDCORE_WECHAT_PLATFORM_KEY_FILE: platform.publicFile,
      LENDCORE_WECHAT_APIV3_KEY: WECHAT.apiV3Key, LENDCORE_WECHAT_API_BASE: apiBase, LENDCORE_PUBLIC_URL: 'https://lender.example.com',
    },
  });
});
afterAll(async () => {
  await t.close();
  await gateway.close();
});

/** Pays a WeChat intent of `amount` on a fresh loan of the product with `total` minor units of `currency`. */
async function payByWechat(productId: string, principal: string, amount: string, transactionId: string, total: number, currency: string): Promise<void> {
  const owner = `cust-rec-cur-${(borrowers += 1)}`;
  await verifiedCustomer(t, owner);
  const loanId = await activeLoan(t, owner, productId, '2026-01-15', principal);
  const res = await t.call(borrower(owner), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount, channel: 'wechat' });
  expect(res.statusCode, res.body).toBe(201);
  const { id } = JSON.parse(res.body) as { id: string };
  const body = wechatNotificationBody({ intentId: id, transactionId, total, currency });
  const delivered = await deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, body), body });
  expect(delivered.statusCode, delivered.body).toBe(200);
}

async function report(format = 'json') {
  const res = await t.call(STAFF.compliance, 'GET', `/v1/reports/payments/reconciliation?date=${today}&channel=wechat&format=${format}&minPosition=${await t.runtime.eventStore.headPosition()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

describe('payment reconciliation across currencies', () => {
  it('totals a JPY suspense line apart from the CNY repayments, each to its own minor unit', async () => {
    const cny = await defineProduct(t);
    const jpy = await defineProduct(t, { ...PRODUCT, name: 'Consumer 12m JPY', currency: 'JPY', principal: { min: '100000', max: '20000000' } });
    await payByWechat(cny, '10000.00', '200.00', 'WX-REC-CNY-1', 20000, 'CNY');
    // 1234 JPY on a CNY intent (CURRENCY_MISMATCH): held in suspense, confirmed but not recorded. It was summed as 1434.00 CNY.
    await payByWechat(cny, '10000.00', '12.34', 'WX-REC-JPY-1', 1234, 'JPY');
    // A JPY loan paid in yen: recorded, matched.
    await payByWechat(jpy, '100000', '5000', 'WX-REC-JPY-2', 5000, 'JPY');

    const { channels } = JSON.parse((await report()).body) as { channels: unknown[] };
    expect(channels).toEqual([
      { channel: 'wechat', direction: 'in', currency: 'CNY', confirmed: { count: 1, total: '200.00' }, recorded: { count: 1, total: '200.00' }, differences: [] },
      {
        channel: 'wechat', direction: 'in', currency: 'JPY', confirmed: { count: 2, total: '6234' }, recorded: { count: 1, total: '5000' },
        differences: [expect.objectContaining({ reference: 'WX-REC-JPY-1', currency: 'JPY', confirmedAmount: '1234', recordedAmount: null, status: 'confirmed-not-recorded' })],
      },
    ]);

    const csv = (await report('csv')).body.trim().split('\n');
    expect(csv[0]).toContain('channel,currency,reference');
    expect(csv.filter((line) => line.includes('WX-REC-'))).toEqual([
      expect.stringContaining('wechat,CNY,WX-REC-CNY-1'), expect.stringContaining('wechat,JPY,WX-REC-JPY-1'), expect.stringContaining('wechat,JPY,WX-REC-JPY-2'),
    ]);
  });
});
