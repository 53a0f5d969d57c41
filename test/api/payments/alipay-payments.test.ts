import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { ALIPAY_APP_ID, alipayFields, formHeaders, signedAlipayForm } from './alipay-fixtures.js';
import { deliver, repaymentsOf } from './payment-fixtures.js';
import { rsaKeyPairFiles } from './provider-keys.js';

const app = rsaKeyPairFiles('alipay-app');
const alipay = rsaKeyPairFiles('alipay-platform');
const OWN = 'cust-ali';
let t: TestApp;
let loanId: string;
let productId: string;
let owner = OWN;
let borrowers = 0;

beforeAll(async () => {
  t = await openTestApp({
    env: {
      LENDCORE_ALIPAY_APP_ID: ALIPAY_APP_ID, LENDCORE_ALIPAY_PRIVATE_KEY_FILE: app.privateFile, LENDCORE_ALIPAY_PUBLIC_KEY_FILE: alipay.publicFile,
      LENDCORE_ALIPAY_GATEWAY: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do', LENDCORE_PUBLIC_URL: 'https://lender.example.com',
    },
  });
  productId = await defineProduct(t);
});
afterAll(() => t.close());

async function alipayIntent(amount: string): Promise<{ id: string; action: { type: string; url: string } }> {
  // A loan has one open intent at a time: each payment here is on a loan (of a borrower) of its own.
  owner = `${OWN}-${(borrowers += 1)}`;
  await verifiedCustomer(t, owner);
  loanId = await activeLoan(t, owner, productId, '2026-01-15', '10000.00');
  const res = await t.call(borrower(owner), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount, channel: 'alipay' });
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body) as { id: string; action: { type: string; url: string } };
}
const recorded = async (reference: string) => (await repaymentsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === reference);
const notify = (body: string) => deliver(t, 'alipay', { headers: formHeaders, body });

describe('Alipay (alipay-sdk)', () => {
  it('signs an alipay.trade.page.pay URL for the payer, with our notify_url, without calling Alipay', async () => {
    const intent = await alipayIntent('88.00');
    expect(intent.action.type).toBe('redirect');
    const url = new URL(intent.action.url);
    expect(url.origin + url.pathname).toBe('https://openapi-sandbox.dl.alipaydev.com/gateway.do');
    expect(url.searchParams.get('method')).toBe('alipay.trade.page.pay');
    expect(url.searchParams.get('app_id')).toBe(ALIPAY_APP_ID);
    expect(url.searchParams.get('sign_type')).toBe('RSA2');
    expect(url.searchParams.get('sign')).toBeTruthy();
    expect(url.searchParams.get('notify_url')).toBe('https://lender.example.com/v1/payments/notify/alipay');
    expect(JSON.parse(url.searchParams.get('biz_content') ?? '{}')).toMatchObject({ out_trade_no: intent.id, total_amount: '88.00', product_code: 'FAST_INSTANT_TRADE_PAY' });
  });

  it('records a valid notification once over five deliveries, answering success', async () => {
    const intent = await alipayIntent('150.00');
    const body = signedAlipayForm(alipay.privateKey, alipayFields({ intentId: intent.id, tradeNo: '2026112922001400001', amount: '150.00' }));
    for (let i = 0; i < 5; i++) {
      const res = await notify(body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe('success');
    }
    const payments = await recorded('2026112922001400001');
    expect(payments).toHaveLength(1);
    expect(payments[0]!.data).toMatchObject({ amount: '150.00', channel: 'alipay' });
  });

  it('answers success to the paid trade notified again with another amount, recording the contradiction, not the money (QA 12 Q10)', async () => {
    const intent = await alipayIntent('150.00');
    const tradeNo = '2026112922001400010';
    expect((await notify(signedAlipayForm(alipay.privateKey, alipayFields({ intentId: intent.id, tradeNo, amount: '150.00' })))).body).toBe('success');
    const contradicting = await notify(signedAlipayForm(alipay.privateKey, alipayFields({ intentId: intent.id, tradeNo, amount: '15.00' })));
    expect(contradicting.statusCode, contradicting.body).toBe(200);
    expect(contradicting.body).toBe('success');
    expect((await recorded(tradeNo)).map((e) => (e.data as { amount: string }).amount)).toEqual(['150.00']);
    const events = await t.runtime.eventStore.readStream(`payment-${intent.id}`);
    expect(events.map((e) => e.type)).toEqual(['PaymentIntentCreated', 'PaymentConfirmed', 'PaymentConfirmationContradicted']);
    expect(events[2]!.data).toMatchObject({ providerTxnId: tradeNo, amount: '15.00', confirmedAmount: '150.00' });
  });

  it('refuses forged, unsigned, tampered, stale and foreign notifications, recording nothing', async () => {
    const intent = await alipayIntent('60.00');
    const fields = alipayFields({ intentId: intent.id, tradeNo: '2026112922001400002', amount: '60.00' });
    const forger = rsaKeyPairFiles('forger');
    refused(await notify(signedAlipayForm(forger.privateKey, fields)), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    refused(await notify(new URLSearchParams(fields).toString()), 400, 'NOTIFICATION_UNSIGNED');
    const genuine = signedAlipayForm(alipay.privateKey, fields);
    refused(await notify(genuine.replace('total_amount=60.00', 'total_amount=6000.00')), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    const stale = alipayFields({ intentId: intent.id, tradeNo: '2026112922001400002', amount: '60.00', notifiedAt: new Date(Date.now() - 72 * 3_600_000) });
    refused(await notify(signedAlipayForm(alipay.privateKey, stale)), 400, 'NOTIFICATION_STALE');
    const foreign = alipayFields({ intentId: intent.id, tradeNo: '2026112922001400002', amount: '60.00', appId: '2021999999999999' });
    refused(await notify(signedAlipayForm(alipay.privateKey, foreign)), 400, 'NOTIFICATION_MALFORMED');
    expect(await recorded('2026112922001400002')).toHaveLength(0);
    expect((await notify(genuine)).body).toBe('success');
    expect(await recorded('2026112922001400002')).toHaveLength(1);
  });

  it('refuses a sign_type other than RSA2 as a bad signature, never a 500, recording nothing', async () => {
    // alipay-sdk looks the algorithm up by the notification's own sign_type: an unknown name threw
    // a TypeError (500 on a public route), and "RSA" would have it verify with SHA-1.
    const intent = await alipayIntent('65.00');
    const genuine = signedAlipayForm(alipay.privateKey, alipayFields({ intentId: intent.id, tradeNo: '2026112922001400004', amount: '65.00' }));
    for (const signType of ['XYZ', '__proto__', 'constructor', 'toString', 'RSA', '']) {
      const res = await notify(genuine.replace('sign_type=RSA2', `sign_type=${signType}`));
      refused(res, 400, 'NOTIFICATION_SIGNATURE_INVALID');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await recorded('2026112922001400004')).toHaveLength(0);
    expect((await notify(genuine)).body).toBe('success');
    expect(await recorded('2026112922001400004')).toHaveLength(1);
  });

  it('marks a closed trade failed', async () => {
    const intent = await alipayIntent('70.00');
    const res = await notify(signedAlipayForm(alipay.privateKey, alipayFields({ intentId: intent.id, tradeNo: '2026112922001400003', amount: '70.00', status: 'TRADE_CLOSED' })));
    expect(res.body).toBe('success');
    const view = JSON.parse((await t.call(borrower(owner), 'GET', `/v1/payment-intents/${intent.id}`)).body) as { status: string };
    expect(view.status).toBe('failed');
    expect(await recorded('2026112922001400003')).toHaveLength(0);
  });
});
