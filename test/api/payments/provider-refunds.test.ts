import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';
import { ALIPAY_APP_ID, alipayFields, formHeaders, signedAlipayForm } from './alipay-fixtures.js';
import { deliver } from './payment-fixtures.js';
import { rsaKeyPairFiles } from './provider-keys.js';
import { WECHAT, wechatNotificationBody, wechatRefundBody, wechatSignedHeaders } from './wechat-fixtures.js';

/**
 * A refund made at the provider (Alipay TRADE_CLOSED / a refund_fee notification, WeChat Pay REFUND.SUCCESS)
 * after the payment was recorded: it was answered 409 and dropped, so the loan and the books showed money the
 * lender no longer held. Now it is recorded on the intent, the reconciliation's confirmed side is the net
 * captured, and a refund of all of it asks a second person to approve the repayment's reversal.
 */
const app = rsaKeyPairFiles('alipay-app');
const alipay = rsaKeyPairFiles('alipay-platform');
const merchant = rsaKeyPairFiles('merchant');
const platform = rsaKeyPairFiles('platform');
let t: TestApp;
let gateway: FastifyInstance;
let productId: string;
let today: string;
let borrowers = 0;
let trades = 0;

interface Row { reference: string; confirmedAmount: string | null; recordedAmount: string | null; status: string }

beforeAll(async () => {
  gateway = Fastify();
  gateway.post('/v3/pay/transactions/native', async () => ({ code_url: 'weixin://wxpay/bizpayurl?pr=abc123' }));
  const apiBase = await gateway.listen({ host: '127.0.0.1', port: 0 });
  t = await openTestApp({
    env: {
      LENDCORE_ALIPAY_APP_ID: ALIPAY_APP_ID, LENDCORE_ALIPAY_PRIVATE_KEY_FILE: app.privateFile, LENDCORE_ALIPAY_PUBLIC_KEY_FILE: alipay.publicFile,
      LENDCORE_ALIPAY_GATEWAY: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do', LENDCORE_PUBLIC_URL: 'https://lender.example.com',
      LENDCORE_WECHAT_MCH_ID: WECHAT.mchId, LENDCORE_WECHAT_APP_ID: WECHAT.appId, LENDCORE_WECHAT_SERIAL_NO: 'MERCHANT-SERIAL',
      LENDCORE_WECHAT_PRIVATE_KEY_FILE: merchant.privateFile, LENDCORE_WECHAT_PLATFORM_KEY_FILE: platform.publicFile,
      LENDCORE_WECHAT_APIV3_KEY: WECHAT.apiV3Key, LENDCORE_WECHAT_API_BASE: apiBase,
    },
  });
  productId = await defineProduct(t);
  today = (JSON.parse((await t.call(STAFF.officer, 'GET', '/v1/business-date')).body) as { date: string }).date;
});
afterAll(async () => {
  await t.close();
  await gateway.close();
});

async function intentOnNewLoan(channel: 'alipay' | 'wechat', amount: string): Promise<{ loanId: string; intentId: string }> {
  const owner = `cust-refund-${(borrowers += 1)}`;
  await verifiedCustomer(t, owner);
  const loanId = await activeLoan(t, owner, productId, '2026-01-15', '10000.00');
  const res = await t.call(borrower(owner), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount, channel });
  expect(res.statusCode, res.body).toBe(201);
  return { loanId, intentId: (JSON.parse(res.body) as { id: string }).id };
}

const alipayPaid = (intentId: string, tradeNo: string, amount: string) =>
  deliver(t, 'alipay', { headers: formHeaders, body: signedAlipayForm(alipay.privateKey, alipayFields({ intentId, tradeNo, amount })) });
/** Alipay's refund notification: refund_fee is the trade's refunded total so far; all of it refunded closes the trade. */
function alipayRefunded(intentId: string, tradeNo: string, amount: string, refundedTotal: string, outBizNo: string, key = alipay.privateKey) {
  const full = new Dec(refundedTotal).equals(amount);
  const trade = alipayFields({ intentId, tradeNo, amount, status: full ? 'TRADE_CLOSED' : 'TRADE_SUCCESS' });
  const at = trade.notify_time ?? '';
  const fields: Record<string, string> = { ...trade, refund_fee: refundedTotal, gmt_refund: at, out_biz_no: outBizNo, ...(full ? { gmt_close: at } : {}) };
  return deliver(t, 'alipay', { headers: formHeaders, body: signedAlipayForm(key, fields) });
}

async function paymentEvents(intentId: string) {
  return t.runtime.eventStore.readStream(`payment-${intentId}`);
}
async function loanEvents(loanId: string, type: string) {
  return (await t.runtime.eventStore.readStream(`loan-${loanId}`)).filter((e) => e.type === type);
}
async function reconciliationRow(channel: string, reference: string): Promise<Row | undefined> {
  const position = String(await t.runtime.eventStore.headPosition());
  const res = await t.call(STAFF.compliance, 'GET', `/v1/reports/payments/reconciliation?date=${today}&channel=${channel}&format=csv&minPosition=${position}`);
  expect(res.statusCode, res.body).toBe(200);
  const [header, ...lines] = res.body.trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v === '' ? null : v])) as unknown as Row);
  return rows.find((r) => r.reference === reference);
}

describe('a refund made at the provider after the payment was recorded', () => {
  it('Alipay: a partial refund is recorded as partial, a redelivery once, the rest (TRADE_CLOSED) asks for the reversal a second person approves', async () => {
    const { loanId, intentId } = await intentOnNewLoan('alipay', '300.00');
    const tradeNo = `2026120322001400${(trades += 1).toString().padStart(4, '0')}`;
    expect((await alipayPaid(intentId, tradeNo, '300.00')).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await alipayRefunded(intentId, tradeNo, '300.00', '100.00', 'RF-1');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe('success');
    }
    expect((await paymentEvents(intentId)).filter((e) => e.type === 'PaymentRefundedAtProvider').map((e) => e.data)).toMatchObject([{ reference: 'RF-1', amount: '100.00', refundedTotal: '100.00' }]);
    expect(await loanEvents(loanId, 'RepaymentReversalRequested')).toHaveLength(0);
    expect(await reconciliationRow('alipay', tradeNo)).toMatchObject({ confirmedAmount: '200.00', recordedAmount: '300.00', status: 'amount-differs' });

    const closed = await alipayRefunded(intentId, tradeNo, '300.00', '300.00', 'RF-2');
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await paymentEvents(intentId)).filter((e) => e.type === 'PaymentRefundedAtProvider').map((e) => e.data)).toMatchObject([{ amount: '100.00' }, { reference: 'RF-2', amount: '200.00', refundedTotal: '300.00' }]);
    const requested = await loanEvents(loanId, 'RepaymentReversalRequested');
    expect(requested.map((e) => e.data)).toMatchObject([{ reference: tradeNo, amount: '300.00', requestedBy: 'channel:alipay' }]);
    expect(await loanEvents(loanId, 'RepaymentReversed')).toHaveLength(0);

    const approved = await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/repayments/${tradeNo}/reversal/approve`, {});
    expect(approved.statusCode, approved.body).toBe(201);
    expect((await loanEvents(loanId, 'RepaymentReversed')).map((e) => e.data)).toMatchObject([{ reference: tradeNo, amount: '300.00', approvedBy: expect.any(String) }]);
    expect(await reconciliationRow('alipay', tradeNo)).toMatchObject({ confirmedAmount: '0.00', recordedAmount: '0.00', status: 'matched' });
  });

  it('Alipay: verified exactly as a payment (forged → 400), and a refund of a payment never recorded creates no money (409)', async () => {
    const { loanId, intentId } = await intentOnNewLoan('alipay', '50.00');
    const tradeNo = `2026120322001400${(trades += 1).toString().padStart(4, '0')}`;
    const forged = await alipayRefunded(intentId, tradeNo, '50.00', '50.00', 'RF-X', rsaKeyPairFiles('impostor').privateKey);
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ code: 'NOTIFICATION_SIGNATURE_INVALID' });
    const unpaid = await alipayRefunded(intentId, tradeNo, '50.00', '50.00', 'RF-X');
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.json()).toMatchObject({ code: 'REFUND_WITHOUT_PAYMENT' });
    expect((await paymentEvents(intentId)).map((e) => e.type)).toEqual(['PaymentIntentCreated']);
    expect(await loanEvents(loanId, 'RepaymentReversalRequested')).toHaveLength(0);
    expect((await alipayPaid(intentId, tradeNo, '50.00')).statusCode).toBe(200);
    const beyond = await alipayRefunded(intentId, tradeNo, '50.00', '50.01', 'RF-Y');
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json()).toMatchObject({ code: 'REFUND_EXCEEDS_PAYMENT' });
    expect((await paymentEvents(intentId)).filter((e) => e.type === 'PaymentRefundedAtProvider')).toHaveLength(0);
  });

  it('WeChat Pay: REFUND.SUCCESS is recorded once per refund_id; refunds of all of it ask for the reversal', async () => {
    const { loanId, intentId } = await intentOnNewLoan('wechat', '120.00');
    const transactionId = `42000000002026120300${(trades += 1).toString().padStart(4, '0')}`;
    const paidBody = wechatNotificationBody({ intentId, transactionId, total: 12_000 });
    expect((await deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, paidBody), body: paidBody })).statusCode).toBe(200);
    const refund = (refundId: string, fen: number, status = 'SUCCESS') => {
      const body = wechatRefundBody({ intentId, transactionId, refundId, total: 12_000, refund: fen, status });
      return deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, body), body });
    };
    expect((await refund('50300000001', 2_000)).statusCode).toBe(200);
    const again = await refund('50300000001', 2_000);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.body).toBe('{"code":"SUCCESS"}');
    expect((await refund('50300000002', 1_000, 'ABNORMAL')).statusCode).toBe(400);
    expect(await loanEvents(loanId, 'RepaymentReversalRequested')).toHaveLength(0);
    expect(await reconciliationRow('wechat', transactionId)).toMatchObject({ confirmedAmount: '100.00', recordedAmount: '120.00', status: 'amount-differs' });
    expect((await refund('50300000003', 10_000)).statusCode).toBe(200);
    expect((await paymentEvents(intentId)).filter((e) => e.type === 'PaymentRefundedAtProvider').map((e) => e.data)).toMatchObject([
      { reference: '50300000001', amount: '20.00', refundedTotal: '20.00' }, { reference: '50300000003', amount: '100.00', refundedTotal: '120.00' },
    ]);
    expect((await loanEvents(loanId, 'RepaymentReversalRequested')).map((e) => e.data)).toMatchObject([{ reference: transactionId, amount: '120.00', requestedBy: 'channel:wechat' }]);
    const tampered = wechatRefundBody({ intentId, transactionId, refundId: '50300000004', total: 12_000, refund: 1 });
    expect((await deliver(t, 'wechat', { headers: wechatSignedHeaders(platform.privateKey, tampered), body: tampered.replace('"id"', '"id" ') })).statusCode).toBe(400);
  });

  it('property: any sequence of Alipay success, refund and redelivered notifications keeps the books on the provider\'s net captured', async () => {
    type Step = { kind: 'paid' } | { kind: 'refund'; fen: number } | { kind: 'redeliver'; which: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.constant<Step>({ kind: 'paid' }),
      fc.oneof(fc.constant(9_000), fc.integer({ min: 1, max: 9_000 })).map((fen): Step => ({ kind: 'refund', fen })),
      fc.nat(5).map((which): Step => ({ kind: 'redeliver', which })),
    );
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
      const { loanId, intentId } = await intentOnNewLoan('alipay', '90.00');
      const tradeNo = `2026120322001499${(trades += 1).toString().padStart(4, '0')}`;
      let paid = false;
      let refundedFen = 0;
      const sent: { total: string; id: string }[] = [];
      for (const s of steps) {
        if (s.kind === 'paid') {
          expect((await alipayPaid(intentId, tradeNo, '90.00')).statusCode).toBe(200);
          paid = true;
        } else if (s.kind === 'refund' && paid && refundedFen < 9_000) {
          // Alipay refunds at most what is left of the trade.
          refundedFen += Math.min(s.fen, 9_000 - refundedFen);
          const next = { total: (refundedFen / 100).toFixed(2), id: `RF-${sent.length}` };
          sent.push(next);
          expect((await alipayRefunded(intentId, tradeNo, '90.00', next.total, next.id)).statusCode).toBe(200);
        } else if (s.kind === 'redeliver' && sent.length > 0) {
          const old = sent[s.which % sent.length]!;
          expect((await alipayRefunded(intentId, tradeNo, '90.00', old.total, old.id)).statusCode).toBe(200);
        }
      }
      const recorded = (await paymentEvents(intentId)).filter((e) => e.type === 'PaymentRefundedAtProvider');
      const refundedOnIntent = recorded.reduce((sum, e) => sum.plus((e.data as { amount: string }).amount), new Dec(0));
      expect(refundedOnIntent.times(100).toNumber()).toBe(refundedFen);
      expect(await loanEvents(loanId, 'RepaymentReceived')).toHaveLength(paid ? 1 : 0);
      expect(await loanEvents(loanId, 'RepaymentReversalRequested')).toHaveLength(refundedFen === 9_000 ? 1 : 0);
      if (refundedFen === 9_000) {
        const approved = await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/repayments/${tradeNo}/reversal/approve`, {});
        expect(approved.statusCode, approved.body).toBe(201);
      }
      const row = await reconciliationRow('alipay', tradeNo);
      const netCaptured = (9_000 - refundedFen) / 100;
      if (!paid) {
        expect(row).toBeUndefined();
        return;
      }
      expect(row?.confirmedAmount).toBe(netCaptured.toFixed(2));
      // What the loan holds equals the net captured once a full refund's reversal is approved; a partial refund waits as a listed difference.
      expect(row?.recordedAmount).toBe(refundedFen === 9_000 ? '0.00' : '90.00');
      expect(row?.status).toBe(refundedFen === 0 || refundedFen === 9_000 ? 'matched' : 'amount-differs');
    }), { numRuns: 15 });
  });
});
