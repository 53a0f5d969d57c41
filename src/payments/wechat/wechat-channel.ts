import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { WechatConfig } from '../../config/payments-config.js';
import { DomainError } from '../../domain/errors.js';
import type { InboundNotification, PaymentChannel, VerifiedNotification } from '../channel.js';
import { fromMinorUnitCount, toMinorUnitCount } from '../minor-units.js';
import { malformedNotification } from '../notification-errors.js';
import type { ReplayGuard } from '../replay-guard.js';
import { openWechatNotification } from './wechat-notification.js';
import { decryptWechatJson, decryptWechatResource, wechatRefund } from './wechat-resource.js';
import { wechatAuthorization } from './wechat-signature.js';
import { wechatApiCall } from './wechat-api.js';

/** The UUID an out_trade_no was made from (outTradeNo); null when it is not one of ours. */
export function intentIdOf(tradeNo: string): string | null {
  const match = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i.exec(tradeNo);
  return match ? match.slice(1).join('-').toLowerCase() : null;
}

/**
 * A refund notification: only REFUND.SUCCESS with refund_status SUCCESS moved money back; each refund
 * carries its own amount under its refund_id, in minor units of amount.currency (CNY when absent: the
 * v3 refund resource documents only CNY, which is all a domestic merchant collects).
 */
function wechatRefundNotification(refund: z.infer<typeof wechatRefund>, config: WechatConfig, now: Date): VerifiedNotification {
  if (refund.mchid !== config.mchId) throw malformedNotification('the WeChat Pay refund belongs to another merchant');
  const intentId = intentIdOf(refund.out_trade_no);
  if (intentId === null) throw malformedNotification('the WeChat Pay refund names no intent of ours');
  if (refund.refund_status !== 'SUCCESS') throw malformedNotification(`the WeChat Pay refund is ${refund.refund_status}, not SUCCESS: no money went back`);
  const currency = refund.amount.currency ?? 'CNY';
  const refundedAt = refund.success_time && !Number.isNaN(Date.parse(refund.success_time)) ? new Date(refund.success_time).toISOString() : now.toISOString();
  let total: string;
  let amount: string;
  try {
    [total, amount] = [fromMinorUnitCount(refund.amount.total, currency), fromMinorUnitCount(refund.amount.refund, currency)];
  } catch {
    throw malformedNotification(`the WeChat Pay refund is in ${currency}, a currency this lender keeps no books in`);
  }
  return {
    intentId, providerTxnId: refund.transaction_id, amount: total, currency, paidAt: refundedAt, status: 'refunded', failureReason: null,
    refund: { reference: refund.refund_id, amount, cumulative: false, refundedAt },
  };
}

export interface WechatChannelDeps {
  config: WechatConfig;
  merchantKey: KeyObject;
  platformKey: KeyObject;
  notifyUrl: string;
  replayGuard: ReplayGuard;
  now: () => Date;
  fetch: typeof fetch;
}

const NATIVE_PATH = '/v3/pay/transactions/native';

/** Our intent ids are UUIDs; out_trade_no allows 6–32 characters, so the hyphens go (the id itself travels in `attach`). */
export const outTradeNo = (intentId: string) => intentId.replaceAll('-', '');
/** RFC 3339 with an explicit offset, as time_expire requires. */
const rfc3339 = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/**
 * WeChat Pay API v3 with node:crypto: a Native order (the payer scans `code_url`), and
 * notifications verified with the platform key (Wechatpay-Signature over timestamp, nonce, body),
 * fresh within five minutes, never replayed, then decrypted with the APIv3 key.
 */
export function wechatChannel(deps: WechatChannelDeps): PaymentChannel {
  const { config } = deps;
  return {
    name: 'wechat',
    repaymentChannel: 'wechat',
    acknowledgement: { contentType: 'application/json; charset=utf-8', body: '{"code":"SUCCESS"}' },

    async createOrder(order) {
      const body = JSON.stringify({
        appid: config.appId, mchid: config.mchId, description: order.subject.slice(0, 127), out_trade_no: outTradeNo(order.intentId),
        time_expire: rfc3339(order.expiresAt), attach: order.intentId, notify_url: deps.notifyUrl,
        amount: { total: toMinorUnitCount(order.amount, order.currency), currency: order.currency },
      });
      const authorization = wechatAuthorization({ method: 'POST', path: NATIVE_PATH, body }, { mchId: config.mchId, serialNo: config.merchantSerialNo, privateKey: deps.merchantKey }, deps.now());
      let response: Response;
      try {
        response = await deps.fetch(`${config.apiBase}${NATIVE_PATH}`, {
          method: 'POST', body, headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
        });
      } catch (error) {
        throw new DomainError('CHANNEL_UNAVAILABLE', `WeChat Pay did not answer: ${(error as Error).message}`, 'upstream');
      }
      const answer = (await response.json().catch(() => null)) as { code_url?: unknown; message?: unknown } | null;
      if (!response.ok || typeof answer?.code_url !== 'string') {
        throw new DomainError('CHANNEL_UNAVAILABLE', `WeChat Pay refused the order: ${response.status} ${String(answer?.message ?? '')}`, 'upstream');
      }
      return { type: 'qr', codeUrl: answer.code_url };
    },

    /**
     * POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close {mchid}: 204 closed (WeChat also
     * answers 204 for an order closed already); 400 ORDER_CLOSED the same; ORDERPAID / ORDER_PAID paid.
     * Anything else (or an answer whose signature does not verify) is CHANNEL_UNAVAILABLE 502.
     */
    async closeOrder({ intentId }) {
      const path = `/v3/pay/transactions/out-trade-no/${outTradeNo(intentId)}/close`;
      const answer = await wechatApiCall(deps, 'POST', path, JSON.stringify({ mchid: config.mchId }));
      if (answer.status === 204 || answer.status === 200) return 'closed';
      const code = String(answer.json?.code ?? '');
      if (code === 'ORDER_CLOSED') return 'closed';
      if (code === 'ORDERPAID' || code === 'ORDER_PAID') return 'paid';
      throw new DomainError('CHANNEL_UNAVAILABLE', `WeChat Pay refused to close the order: ${answer.status} ${code} ${String(answer.json?.message ?? '')}`.trim(), 'upstream');
    },

    async verifyNotification(notification: InboundNotification): Promise<VerifiedNotification> {
      const envelope = openWechatNotification(notification, deps.platformKey, deps.replayGuard);
      if (envelope.event_type.startsWith('REFUND.')) return wechatRefundNotification(decryptWechatJson(config.apiV3Key, envelope.resource, wechatRefund, 'a refund'), config, deps.now());
      const txn = decryptWechatResource(config.apiV3Key, envelope.resource);
      if (txn.mchid !== config.mchId || txn.appid !== config.appId) throw malformedNotification('the WeChat Pay transaction belongs to another merchant or app');
      if (txn.attach === undefined || outTradeNo(txn.attach) !== txn.out_trade_no) throw malformedNotification('the WeChat Pay transaction names no intent of ours');
      let amount: string;
      try {
        amount = fromMinorUnitCount(txn.amount.total, txn.amount.currency);
      } catch {
        throw malformedNotification(`the WeChat Pay transaction is in ${txn.amount.currency}, a currency this lender keeps no books in`);
      }
      const succeeded = txn.trade_state === 'SUCCESS';
      const paidAt = txn.success_time && !Number.isNaN(Date.parse(txn.success_time)) ? new Date(txn.success_time).toISOString() : deps.now().toISOString();
      return {
        intentId: txn.attach, providerTxnId: txn.transaction_id, amount, currency: txn.amount.currency, paidAt,
        status: succeeded ? 'succeeded' : 'failed', failureReason: succeeded ? null : `${txn.trade_state} ${txn.trade_state_desc ?? ''}`.trim(),
      };
    },
  };
}
