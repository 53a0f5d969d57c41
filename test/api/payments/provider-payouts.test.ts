import { createCipheriv, createSign, randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { ALIPAY_APP_ID } from './alipay-fixtures.js';
import { overpaidLoan, refundDesk, refundsOf, startApprovedPayout } from './payout-fixtures.js';
import { rsaKeyPairFiles } from './provider-keys.js';
import { signWechatAnswers, WECHAT, wechatSignedHeaders } from './wechat-fixtures.js';

const alipayApp = rsaKeyPairFiles('alipay-app');
const alipayPlatform = rsaKeyPairFiles('alipay-platform');
const alipayForger = rsaKeyPairFiles('alipay-forger');
const merchant = rsaKeyPairFiles('merchant');
const platform = rsaKeyPairFiles('platform');
const forger = rsaKeyPairFiles('forger');
const OWN = 'cust-provider-payout';
let t: TestApp;
let productId: string;
/** Stands in for Alipay's gateway and api.mch.weixin.qq.com on localhost. */
let gateway: FastifyInstance;
const transfers: Record<string, unknown>[] = [];

/** Alipay's signed answer: RSA2 over the exact JSON text of the response object. */
function alipayAnswer(inner: Record<string, unknown>, key = alipayPlatform.privateKey): string {
  const text = JSON.stringify(inner);
  const sign = createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64');
  return `{"alipay_fund_trans_uni_transfer_response":${text},"sign":"${sign}"}`;
}

/** A MCHTRANSFER.BILL.FINISHED notification body: the bill AES-256-GCM encrypted with the APIv3 key. */
function transferNotification(bill: { payoutId: string; billNo: string; fen: number; state: string; mchId?: string }): string {
  const resource = {
    out_bill_no: bill.payoutId.replaceAll('-', ''), transfer_bill_no: bill.billNo, state: bill.state, mch_id: bill.mchId ?? WECHAT.mchId,
    transfer_amount: bill.fen, openid: 'o-payee', create_time: new Date().toISOString(), update_time: new Date().toISOString(),
    ...(bill.state === 'FAIL' ? { fail_reason: 'PAYEE_ACCOUNT_ABNORMAL' } : {}),
  };
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(WECHAT.apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from('mch_payment', 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(resource), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return JSON.stringify({
    id: 'EV-1', create_time: new Date().toISOString(), resource_type: 'encrypt-resource', event_type: 'MCHTRANSFER.BILL.FINISHED', summary: '商家转账单据终态通知',
    resource: { original_type: 'mch_payment', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: 'mch_payment', nonce },
  });
}

beforeAll(async () => {
  gateway = Fastify();
  signWechatAnswers(gateway, platform.privateKey);
  gateway.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
  gateway.post('/gateway.do', async (request, reply) => {
    const query = request.query as Record<string, string>;
    const form = request.body as Record<string, string>;
    const biz = JSON.parse(form.biz_content ?? query.biz_content ?? '{}') as { out_biz_no: string; trans_amount: string; payee_info: { identity: string } };
    transfers.push(biz);
    const identity = biz.payee_info.identity;
    const ok = { code: '10000', msg: 'Success', out_biz_no: biz.out_biz_no, order_id: `ALI-${biz.out_biz_no}`, pay_fund_order_id: 'F1', status: 'SUCCESS', trans_date: '2026-03-01 10:00:00' };
    if (identity === 'refused@example.com') return reply.type('application/json').send(alipayAnswer({ code: '40004', msg: 'Business Failed', sub_code: 'PAYEE_NOT_EXIST', sub_msg: '收款账号不存在' }));
    if (identity === 'forged@example.com') return reply.type('application/json').send(alipayAnswer(ok, alipayForger.privateKey));
    return reply.type('application/json').send(alipayAnswer(ok));
  });
  gateway.post('/v3/fund-app/mch-transfer/transfer-bills', async (request, reply) => {
    const body = request.body as { out_bill_no: string; openid: string };
    transfers.push(body);
    if (body.openid === 'o-broke') return reply.status(403).send({ code: 'NOT_ENOUGH', message: '商户运营账户资金不足' });
    return { out_bill_no: body.out_bill_no, transfer_bill_no: `WX-${body.out_bill_no}`, create_time: new Date().toISOString(), state: 'ACCEPTED' };
  });
  const base = await gateway.listen({ host: '127.0.0.1', port: 0 });
  t = await openTestApp({
    env: {
      LENDCORE_ALIPAY_APP_ID: ALIPAY_APP_ID, LENDCORE_ALIPAY_PRIVATE_KEY_FILE: alipayApp.privateFile, LENDCORE_ALIPAY_PUBLIC_KEY_FILE: alipayPlatform.publicFile,
      LENDCORE_ALIPAY_GATEWAY: `${base}/gateway.do`,
      LENDCORE_WECHAT_MCH_ID: WECHAT.mchId, LENDCORE_WECHAT_APP_ID: WECHAT.appId, LENDCORE_WECHAT_SERIAL_NO: 'MERCHANT-SERIAL',
      LENDCORE_WECHAT_PRIVATE_KEY_FILE: merchant.privateFile, LENDCORE_WECHAT_PLATFORM_KEY_FILE: platform.publicFile,
      LENDCORE_WECHAT_APIV3_KEY: WECHAT.apiV3Key, LENDCORE_WECHAT_API_BASE: base, LENDCORE_WECHAT_TRANSFER_SCENE_ID: '1005',
      LENDCORE_WECHAT_TRANSFER_REPORT_INFOS: '[{"info_type":"岗位类型","info_content":"借款退款"}]', LENDCORE_PUBLIC_URL: 'https://lender.example.com',
    },
  });
  productId = await defineProduct(t);
  await verifiedCustomer(t, OWN);
});
afterAll(async () => {
  await t.close();
  await gateway.close();
});

const start = (loanId: string, body: Record<string, unknown>) => startApprovedPayout(t, loanId, body);
const notifyWechat = (headers: Record<string, string>, body: string) => t.runtime.app.inject({ method: 'POST', url: '/v1/payments/payout-notify/wechat', headers, payload: body });

describe('Alipay refund payouts (alipay.fund.trans.uni.transfer)', () => {
  it('a verified SUCCESS answer confirms the payout and records the refund under Alipay\'s order id', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-ali-payout-1');
    const res = await start(loanId, { channel: 'alipay', amount: '30.00', payee: { account: 'payee@example.com', name: '张三' } });
    expect(res.statusCode, res.body).toBe(201);
    const payout = JSON.parse(res.body) as { id: string; status: string };
    expect(payout.status).toBe('confirmed');
    const sent = transfers.at(-1) as { out_biz_no: string; trans_amount: string; product_code: string; payee_info: Record<string, string> };
    expect(sent).toMatchObject({ out_biz_no: payout.id.replaceAll('-', ''), trans_amount: '30.00', product_code: 'TRANS_ACCOUNT_NO_PWD', payee_info: { identity: 'payee@example.com', identity_type: 'ALIPAY_LOGON_ID', name: '张三' } });
    expect((await refundsOf(t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount: '30.00', channel: 'alipay', reference: `ALI-${payout.id.replaceAll('-', '')}` })]);
  });

  it('a business refusal fails the payout, an answer signed with another key is refused (502); neither records a refund', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-ali-payout-2');
    const refusedRes = await start(loanId, { channel: 'alipay', amount: '30.00', payee: { account: 'refused@example.com', name: null } });
    expect(JSON.parse(refusedRes.body)).toMatchObject({ status: 'failed' });
    refused(await start(loanId, { channel: 'alipay', amount: '30.00', payee: { account: 'forged@example.com', name: null } }), 502, 'CHANNEL_UNAVAILABLE');
    refused(await start(loanId, { channel: 'alipay', amount: '30.00' }), 400, 'PAYEE_REQUIRED');
    expect(await refundsOf(t, loanId)).toHaveLength(0);
    expect((await refundDesk(t, loanId)).creditBalance).toBe(credit);
  });
});

describe('WeChat Pay refund payouts (商家转账 transfer bills)', () => {
  it('stays pending after WeChat accepts the bill; a signed FINISHED notification delivered five times records one refund', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-wx-payout-1');
    const res = await start(loanId, { channel: 'wechat', amount: '12.34', payee: { account: 'o-payee', name: null } });
    expect(res.statusCode, res.body).toBe(201);
    const payout = JSON.parse(res.body) as { id: string; status: string };
    expect(payout.status).toBe('pending');
    expect(transfers.at(-1)).toMatchObject({ out_bill_no: payout.id.replaceAll('-', ''), transfer_amount: 1234, transfer_scene_id: '1005', openid: 'o-payee', notify_url: 'https://lender.example.com/v1/payments/payout-notify/wechat' });
    expect(await refundsOf(t, loanId)).toHaveLength(0);
    const body = transferNotification({ payoutId: payout.id, billNo: 'WXBILL-1', fen: 1234, state: 'SUCCESS' });
    for (let i = 0; i < 5; i++) {
      const ack = await notifyWechat(wechatSignedHeaders(platform.privateKey, body), body);
      expect(ack.statusCode, ack.body).toBe(200);
    }
    expect((await refundsOf(t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount: '12.34', channel: 'wechat', reference: 'WXBILL-1' })]);
  });

  it('refuses forged, unsigned, tampered and replayed notifications; a FAIL notification leaves the loan\'s credit unchanged', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-wx-payout-2');
    const payout = JSON.parse((await start(loanId, { channel: 'wechat', amount: '10.00', payee: { account: 'o-payee', name: null } })).body) as { id: string };
    const body = transferNotification({ payoutId: payout.id, billNo: 'WXBILL-2', fen: 1000, state: 'SUCCESS' });
    refused(await notifyWechat(wechatSignedHeaders(forger.privateKey, body), body), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    refused(await notifyWechat({ 'content-type': 'application/json' }, body), 400, 'NOTIFICATION_UNSIGNED');
    refused(await notifyWechat(wechatSignedHeaders(platform.privateKey, body), body.replace('MCHTRANSFER', 'MCHTRANSFEX')), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    const other = transferNotification({ payoutId: payout.id, billNo: 'WXBILL-2', fen: 1000, state: 'SUCCESS', mchId: '1999999999' });
    refused(await notifyWechat(wechatSignedHeaders(platform.privateKey, other), other), 400, 'NOTIFICATION_MALFORMED');
    const failedBody = transferNotification({ payoutId: payout.id, billNo: 'WXBILL-2', fen: 1000, state: 'FAIL' });
    const headers = wechatSignedHeaders(platform.privateKey, failedBody);
    expect((await notifyWechat(headers, failedBody)).statusCode).toBe(200);
    refused(await notifyWechat(headers, failedBody), 409, 'NOTIFICATION_REPLAYED');
    expect(await refundsOf(t, loanId)).toHaveLength(0);
    expect(await refundDesk(t, loanId)).toMatchObject({ creditBalance: credit, reserved: '0.00' });
    const view = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payouts/${payout.id}`)).body) as { status: string; failure: { reason: string } };
    expect(view).toMatchObject({ status: 'failed', failure: { reason: 'FAIL PAYEE_ACCOUNT_ABNORMAL' } });
  });

  it('refuses a named payout when no Wechatpay-Serial names the key its name would be encrypted with (422), recording nothing', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-wx-payout-4');
    const sent = transfers.length;
    refused(await start(loanId, { channel: 'wechat', amount: '10.00', payee: { account: 'o-payee', name: '张三' } }), 422, 'CHANNEL_NOT_CONFIGURED');
    expect(transfers).toHaveLength(sent);
    expect((await refundDesk(t, loanId)).items).toHaveLength(0);
  });

  it('a bill WeChat refuses outright fails the payout at once', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-wx-payout-3');
    const res = await start(loanId, { channel: 'wechat', amount: '10.00', payee: { account: 'o-broke', name: null } });
    expect(JSON.parse(res.body)).toMatchObject({ status: 'failed' });
    expect(await refundsOf(t, loanId)).toHaveLength(0);
  });
});
