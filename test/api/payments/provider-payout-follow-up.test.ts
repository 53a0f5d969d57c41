import { constants, createSign, privateDecrypt } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { ALIPAY_APP_ID, formHeaders, signedAlipayForm } from './alipay-fixtures.js';
import { overpaidLoan, refundDesk, refundsOf, startApprovedPayout } from './payout-fixtures.js';
import { rsaKeyPairFiles } from './provider-keys.js';
import { signWechatAnswers, WECHAT } from './wechat-fixtures.js';

/** Provider payouts left pending: status queries, cancels, Alipay's transfer message, WeChat's encrypted payee name — against a fake Alipay and WeChat Pay. */
const alipayApp = rsaKeyPairFiles('alipay-app');
const alipayPlatform = rsaKeyPairFiles('alipay-platform');
const alipayForger = rsaKeyPairFiles('alipay-forger');
const merchant = rsaKeyPairFiles('merchant');
const platform = rsaKeyPairFiles('platform');
const wechatForger = rsaKeyPairFiles('wechat-forger');
/** When set, the fake WeChat Pay signs its answers with a key that is not the platform's. */
let forgeWechat = false;
const OWN = 'cust-provider-follow-up';
const PLATFORM_SERIAL = 'PUB_KEY_ID_0114232134912410000000000000';
let t: TestApp;
let productId: string;
let gateway: FastifyInstance;

/** What the fake providers answer, per out_biz_no / out_bill_no; set by each test. */
const alipayQueries = new Map<string, Record<string, unknown> | 'forged'>();
const wechatBills = new Map<string, { status: number; body: Record<string, unknown> }>();
const wechatCancels = new Map<string, { status: number; body: Record<string, unknown> }>();
const wechatTransfers: { headers: Record<string, unknown>; body: Record<string, unknown> }[] = [];

function alipayAnswer(method: string, inner: Record<string, unknown>, key = alipayPlatform.privateKey): string {
  const text = JSON.stringify(inner);
  const sign = createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64');
  return `{"${method.replaceAll('.', '_')}_response":${text},"sign":"${sign}"}`;
}

const compact = (payoutId: string) => payoutId.replaceAll('-', '');

beforeAll(async () => {
  gateway = Fastify();
  signWechatAnswers(gateway, () => (forgeWechat ? wechatForger.privateKey : platform.privateKey));
  gateway.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
  gateway.post('/gateway.do', async (request, reply) => {
    const query = request.query as Record<string, string>;
    const form = request.body as Record<string, string>;
    const method = query.method ?? form.method ?? '';
    const biz = JSON.parse(form.biz_content ?? query.biz_content ?? '{}') as { out_biz_no: string };
    reply.type('application/json');
    if (method === 'alipay.fund.trans.uni.transfer') {
      return alipayAnswer(method, { code: '10000', msg: 'Success', out_biz_no: biz.out_biz_no, order_id: `ALI-${biz.out_biz_no}`, status: 'DEALING' });
    }
    const answer = alipayQueries.get(biz.out_biz_no) ?? { code: '40004', msg: 'Business Failed', sub_code: 'ORDER_NOT_EXIST', sub_msg: '转账订单不存在' };
    if (answer === 'forged') return alipayAnswer(method, { code: '10000', msg: 'Success', order_id: 'ALI-FORGED', out_biz_no: biz.out_biz_no, status: 'FAIL' }, alipayForger.privateKey);
    return alipayAnswer(method, answer);
  });
  gateway.post('/v3/fund-app/mch-transfer/transfer-bills', async (request) => {
    const body = request.body as { out_bill_no: string };
    wechatTransfers.push({ headers: request.headers, body: body as Record<string, unknown> });
    return { out_bill_no: body.out_bill_no, transfer_bill_no: `WX-${body.out_bill_no}`, create_time: new Date().toISOString(), state: 'WAIT_USER_CONFIRM' };
  });
  gateway.get('/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/:no', async (request, reply) => {
    const answer = wechatBills.get((request.params as { no: string }).no) ?? { status: 404, body: { code: 'NOT_FOUND', message: '记录不存在' } };
    return reply.status(answer.status).send(answer.body);
  });
  gateway.post('/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/:no/cancel', async (request, reply) => {
    const answer = wechatCancels.get((request.params as { no: string }).no) ?? { status: 400, body: { code: 'INVALID_REQUEST', message: '当前单据状态不支持撤销' } };
    return reply.status(answer.status).send(answer.body);
  });
  const base = await gateway.listen({ host: '127.0.0.1', port: 0 });
  t = await openTestApp({
    env: {
      LENDCORE_ALIPAY_APP_ID: ALIPAY_APP_ID, LENDCORE_ALIPAY_PRIVATE_KEY_FILE: alipayApp.privateFile, LENDCORE_ALIPAY_PUBLIC_KEY_FILE: alipayPlatform.publicFile,
      LENDCORE_ALIPAY_GATEWAY: `${base}/gateway.do`,
      LENDCORE_WECHAT_MCH_ID: WECHAT.mchId, LENDCORE_WECHAT_APP_ID: WECHAT.appId, LENDCORE_WECHAT_SERIAL_NO: 'MERCHANT-SERIAL',
      LENDCORE_WECHAT_PRIVATE_KEY_FILE: merchant.privateFile, LENDCORE_WECHAT_PLATFORM_KEY_FILE: platform.publicFile, LENDCORE_WECHAT_PLATFORM_SERIAL: PLATFORM_SERIAL,
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

interface Checked { payout: { status: string; confirmation: { channelReference: string } | null; failure: { reason: string } | null }; providerState: string }

async function startPayout(loanId: string, body: Record<string, unknown>): Promise<{ id: string; status: string }> {
  const res = await startApprovedPayout(t, loanId, body);
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body) as { id: string; status: string };
}
const query = (id: string) => t.call(STAFF.officer, 'POST', `/v1/payouts/${id}/status-query`, {});
const cancel = (id: string) => t.call(STAFF.officer, 'POST', `/v1/payouts/${id}/cancellation`, { reason: 'wrong payee' });
const checked = (res: { statusCode: number; body: string }): Checked => {
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body) as Checked;
};
const alipayPayout = (loanId: string, amount: string) => startPayout(loanId, { channel: 'alipay', amount, payee: { account: 'payee@example.com', name: '张三' } });
const wechatPayout = (loanId: string, amount: string, name: string | null = null) => startPayout(loanId, { channel: 'wechat', amount, payee: { account: 'o-payee', name } });

/** alipay.fund.trans.order.changed as Alipay posts it to the app's gateway URL, RSA2-signed. */
function transferMessage(change: Record<string, unknown>, options: { key?: typeof alipayPlatform.privateKey; sentAt?: Date; appId?: string } = {}): string {
  return signedAlipayForm(options.key ?? alipayPlatform.privateKey, {
    charset: 'utf-8', msg_method: 'alipay.fund.trans.order.changed', utc_timestamp: String((options.sentAt ?? new Date()).getTime()), version: '1.1',
    notify_id: `n-${String(change.out_biz_no)}-${String(change.status)}`, app_id: options.appId ?? ALIPAY_APP_ID, biz_content: JSON.stringify(change),
  });
}
const notifyAlipay = (body: string) => t.runtime.app.inject({ method: 'POST', url: '/v1/payments/payout-notify/alipay', headers: formHeaders, payload: body });

describe('Alipay: a transfer left DEALING', () => {
  it('a status query (alipay.fund.trans.common.query) records the transfer Alipay paid, once', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-ali-follow-1');
    const payout = await alipayPayout(loanId, '40.00');
    expect(payout.status).toBe('pending');
    alipayQueries.set(compact(payout.id), { code: '10000', msg: 'Success', order_id: 'ALI-ORDER-1', out_biz_no: compact(payout.id), status: 'SUCCESS', trans_amount: '40.00', pay_date: '2026-03-01 10:00:00' });
    expect(checked(await query(payout.id))).toMatchObject({ providerState: 'SUCCESS', payout: { status: 'confirmed', confirmation: { channelReference: 'ALI-ORDER-1' } } });
    checked(await query(payout.id));
    expect((await refundsOf(t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount: '40.00', channel: 'alipay', reference: 'ALI-ORDER-1' })]);
  });

  it('an answer signed with another key is refused (502) and records nothing', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-ali-follow-2');
    const payout = await alipayPayout(loanId, '40.00');
    alipayQueries.set(compact(payout.id), 'forged');
    refused(await query(payout.id), 502, 'CHANNEL_UNAVAILABLE');
    refused(await cancel(payout.id), 502, 'CHANNEL_UNAVAILABLE');
    expect((await refundDesk(t, loanId)).items[0]).toMatchObject({ status: 'pending' });
  });

  it('cancels only what Alipay never received (ORDER_NOT_EXIST), not what it is still paying (DEALING)', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-ali-follow-3');
    const dealing = await alipayPayout(loanId, '40.00');
    alipayQueries.set(compact(dealing.id), { code: '10000', msg: 'Success', order_id: 'ALI-ORDER-3', out_biz_no: compact(dealing.id), status: 'DEALING' });
    refused(await cancel(dealing.id), 409, 'PAYOUT_IN_FLIGHT');
    const lost = await alipayPayout(loanId, '30.00');
    const cancelled = checked(await cancel(lost.id));
    expect(cancelled).toMatchObject({ providerState: 'ORDER_NOT_EXIST', payout: { status: 'failed' } });
    expect(cancelled.payout.failure?.reason).toContain('never paid');
    expect(await refundDesk(t, loanId)).toMatchObject({ creditBalance: credit, reserved: '40.00' });
    expect(await refundsOf(t, loanId)).toHaveLength(0);
  });
});

describe('Alipay: alipay.fund.trans.order.changed', () => {
  it('a signed SUCCESS message records the refund once however often delivered, answered "success"', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-ali-msg-1');
    const payout = await alipayPayout(loanId, '50.00');
    const message = transferMessage({ out_biz_no: compact(payout.id), order_id: 'ALI-MSG-1', status: 'SUCCESS', trans_amount: '50.00', pay_date: '2026-03-01 10:00:00', action_type: 'FINISH' });
    for (let i = 0; i < 3; i++) {
      const ack = await notifyAlipay(message);
      expect(ack.statusCode, ack.body).toBe(200);
      expect(ack.body).toBe('success');
    }
    expect((await refundsOf(t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount: '50.00', channel: 'alipay', reference: 'ALI-MSG-1' })]);
  });

  it('refuses unsigned, forged, tampered, stale, foreign and unfinished messages, recording nothing; FAIL frees the credit', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-ali-msg-2');
    const payout = await alipayPayout(loanId, '50.00');
    const change = { out_biz_no: compact(payout.id), order_id: 'ALI-MSG-2', status: 'SUCCESS', trans_amount: '50.00' };
    const genuine = transferMessage(change);
    refused(await notifyAlipay(new URLSearchParams([...new URLSearchParams(genuine)].filter(([k]) => k !== 'sign')).toString()), 400, 'NOTIFICATION_UNSIGNED');
    refused(await notifyAlipay(transferMessage(change, { key: alipayForger.privateKey })), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    refused(await notifyAlipay(genuine.replace('50.00', '5.00')), 400, 'NOTIFICATION_SIGNATURE_INVALID');
    refused(await notifyAlipay(transferMessage(change, { sentAt: new Date(Date.now() - 72 * 3_600_000) })), 400, 'NOTIFICATION_STALE');
    refused(await notifyAlipay(transferMessage(change, { appId: '2021999999999999' })), 400, 'NOTIFICATION_MALFORMED');
    refused(await notifyAlipay(transferMessage({ ...change, status: 'DEALING' })), 400, 'NOTIFICATION_MALFORMED');
    refused(await notifyAlipay(transferMessage({ ...change, trans_amount: '60.00' })), 422, 'PAYOUT_AMOUNT_MISMATCH');
    expect(await refundsOf(t, loanId)).toHaveLength(0);
    const failed = await notifyAlipay(transferMessage({ ...change, status: 'FAIL', fail_reason: '收款账户状态异常', error_code: 'PAYEE_ACCOUNT_STATUS_ERROR' }));
    expect(failed.statusCode, failed.body).toBe(200);
    expect(await refundDesk(t, loanId)).toMatchObject({ creditBalance: credit, reserved: '0.00' });
    expect((await refundDesk(t, loanId)).items[0]).toMatchObject({ status: 'failed' });
  });
});

describe('WeChat Pay: a transfer bill left pending', () => {
  it('a query by out_bill_no records the bill WeChat paid; a foreign bill or an answer signed with another key is refused', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-wx-follow-1');
    const payout = await wechatPayout(loanId, '12.34');
    const no = compact(payout.id);
    expect(checked(await query(payout.id))).toMatchObject({ providerState: 'NOT_FOUND', payout: { status: 'pending' } });
    wechatBills.set(no, { status: 200, body: { mch_id: '1999999999', out_bill_no: no, transfer_bill_no: 'WXB-1', state: 'SUCCESS', transfer_amount: 1234 } });
    refused(await query(payout.id), 502, 'CHANNEL_UNAVAILABLE');
    wechatBills.set(no, { status: 200, body: { mch_id: WECHAT.mchId, out_bill_no: no, transfer_bill_no: 'WXB-1', state: 'SUCCESS', transfer_amount: 1234, update_time: '2026-03-01T10:00:00+08:00' } });
    forgeWechat = true;
    try {
      refused(await query(payout.id), 502, 'CHANNEL_UNAVAILABLE');
      refused(await cancel(payout.id), 502, 'CHANNEL_UNAVAILABLE');
    } finally {
      forgeWechat = false;
    }
    expect(await refundsOf(t, loanId)).toHaveLength(0);
    expect(checked(await query(payout.id))).toMatchObject({ providerState: 'SUCCESS', payout: { status: 'confirmed', confirmation: { channelReference: 'WXB-1' } } });
    checked(await query(payout.id));
    expect((await refundsOf(t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount: '12.34', channel: 'wechat', reference: 'WXB-1' })]);
  });

  it('cancels through WeChat: CANCELLED fails the payout, CANCELING waits for the query, a refusal is 409', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-wx-follow-2');
    const refusedPayout = await wechatPayout(loanId, '10.00');
    refused(await cancel(refusedPayout.id), 409, 'PAYOUT_NOT_CANCELLABLE');

    const slow = await wechatPayout(loanId, '11.00');
    const no = compact(slow.id);
    wechatCancels.set(no, { status: 200, body: { out_bill_no: no, transfer_bill_no: 'WXB-2', state: 'CANCELING', update_time: new Date().toISOString() } });
    expect(checked(await cancel(slow.id))).toMatchObject({ providerState: 'CANCELING', payout: { status: 'pending' } });
    wechatBills.set(no, { status: 200, body: { mch_id: WECHAT.mchId, out_bill_no: no, transfer_bill_no: 'WXB-2', state: 'CANCELLED', transfer_amount: 1100 } });
    expect(checked(await query(slow.id))).toMatchObject({ providerState: 'CANCELLED', payout: { status: 'failed' } });

    const quick = await wechatPayout(loanId, '12.00');
    wechatCancels.set(compact(quick.id), { status: 200, body: { out_bill_no: compact(quick.id), transfer_bill_no: 'WXB-3', state: 'CANCELLED', update_time: new Date().toISOString() } });
    expect(checked(await cancel(quick.id))).toMatchObject({ providerState: 'CANCELLED', payout: { status: 'failed' } });
    const desk = await refundDesk(t, loanId);
    expect(desk.reserved).toBe('10.00');
    expect(await refundsOf(t, loanId)).toHaveLength(0);
  });
});

describe('WeChat Pay: the payee\'s name', () => {
  it('refuses a transfer of 2000 CNY or more without the payee\'s name (422) before recording anything', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-wx-name-1');
    const sent = wechatTransfers.length;
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'wechat', amount: '2000.00', payee: { account: 'o-payee', name: null } }), 422, 'PAYEE_NAME_REQUIRED');
    expect(wechatTransfers).toHaveLength(sent);
    expect((await refundDesk(t, loanId)).items).toHaveLength(0);
    await wechatPayout(loanId, '1999.99');
  });

  it('sends the name RSA-OAEP encrypted with the platform key, naming that key in Wechatpay-Serial', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-wx-name-2');
    await wechatPayout(loanId, '2000.00', '张三');
    const { headers, body } = wechatTransfers.at(-1)!;
    expect(headers['wechatpay-serial']).toBe(PLATFORM_SERIAL);
    expect(body.transfer_amount).toBe(200000);
    expect(body.user_name).not.toContain('张三');
    const name = privateDecrypt({ key: platform.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(String(body.user_name), 'base64'));
    expect(name.toString('utf8')).toBe('张三');
  });
});
