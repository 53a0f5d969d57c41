import { createCipheriv, createSign, randomBytes, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const WECHAT = { mchId: '1900000109', appId: 'wxd678efh567hg6787', apiV3Key: 'a'.repeat(16) + 'b'.repeat(16) };

export interface WechatPayment {
  intentId: string;
  transactionId: string;
  total: number;
  tradeState?: string;
  mchId?: string;
  /** amount.currency, CNY unless told. */
  currency?: string;
}

/** A v3 notification body as WeChat Pay builds it: the transaction AES-256-GCM encrypted with the APIv3 key. */
export function wechatNotificationBody(payment: WechatPayment, apiV3Key = WECHAT.apiV3Key): string {
  const transaction = {
    mchid: payment.mchId ?? WECHAT.mchId, appid: WECHAT.appId, out_trade_no: payment.intentId.replaceAll('-', ''), transaction_id: payment.transactionId,
    trade_type: 'NATIVE', trade_state: payment.tradeState ?? 'SUCCESS', trade_state_desc: 'ok', success_time: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    attach: payment.intentId, payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }, amount: { total: payment.total, payer_total: payment.total, currency: payment.currency ?? 'CNY', payer_currency: payment.currency ?? 'CNY' },
  };
  const nonce = randomBytes(6).toString('hex');
  const associatedData = 'transaction';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return JSON.stringify({
    id: 'EV-2018022511223320873', create_time: new Date().toISOString(), resource_type: 'encrypt-resource', event_type: 'TRANSACTION.SUCCESS', summary: '支付成功',
    resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce },
  });
}

/** The Wechatpay-* headers the platform signs a notification with (SHA256-RSA over timestamp, nonce, body). */
export function wechatSignedHeaders(platformKey: KeyObject, body: string, at = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(platformKey, 'base64');
  return {
    'content-type': 'application/json', 'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce, 'wechatpay-signature': signature,
    'wechatpay-serial': 'PLATFORM-SERIAL', 'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** Makes a fake api.mch.weixin.qq.com sign every /v3 answer as WeChat Pay does (Wechatpay-* headers over timestamp, nonce, body); a function picks the key per answer. */
export function signWechatAnswers(gateway: FastifyInstance, platformKey: KeyObject | (() => KeyObject)): void {
  gateway.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/v3/')) return payload;
    const body = typeof payload === 'string' ? payload : '';
    const { 'content-type': _type, ...signed } = wechatSignedHeaders(typeof platformKey === 'function' ? platformKey() : platformKey, body);
    reply.headers(signed);
    return body;
  });
}

export interface WechatRefund {
  intentId: string;
  transactionId: string;
  refundId: string;
  /** The order's total and this refund, in fen. */
  total: number;
  refund: number;
  status?: string;
}

/** A v3 refund notification body (event_type REFUND.<status>): the refund resource encrypted with the APIv3 key, as WeChat Pay sends it. */
export function wechatRefundBody(refund: WechatRefund, apiV3Key = WECHAT.apiV3Key): string {
  const status = refund.status ?? 'SUCCESS';
  const resource = {
    mchid: WECHAT.mchId, out_trade_no: refund.intentId.replaceAll('-', ''), transaction_id: refund.transactionId, out_refund_no: `OR${refund.refundId}`,
    refund_id: refund.refundId, refund_status: status, success_time: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    user_received_account: '招商银行信用卡0403', amount: { total: refund.total, refund: refund.refund, payer_total: refund.total, payer_refund: refund.refund },
  };
  const nonce = randomBytes(6).toString('hex');
  const associatedData = 'refund';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(resource), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return JSON.stringify({
    id: `EV-${refund.refundId}`, create_time: new Date().toISOString(), resource_type: 'encrypt-resource', event_type: `REFUND.${status}`, summary: '退款成功',
    resource: { original_type: 'refund', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce },
  });
}
