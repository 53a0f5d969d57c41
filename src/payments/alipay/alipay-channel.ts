import type { z } from 'zod';
import type { AlipayConfig } from '../../config/payments-config.js';
import { alipayClient } from './alipay-client.js';
import { DomainError } from '../../domain/errors.js';
import type { InboundNotification, PaymentChannel, VerifiedNotification } from '../channel.js';
import { malformedNotification, staleNotification } from '../notification-errors.js';
import { alipayNotification, fromBeijingTime, toBeijingTime } from './alipay-notification.js';
import { openAlipayNotification } from './open-alipay-notification.js';

/**
 * A refund's notification (it carries refund_fee and gmt_refund; a trade closed unpaid carries neither):
 * the refund is named by out_biz_no, else by the trade and its refunded total.
 */
function alipayRefund(n: z.infer<typeof alipayNotification>, sentAt: Date): VerifiedNotification {
  if (n.refund_fee === undefined || n.gmt_refund === undefined) throw malformedNotification('an Alipay refund notification needs refund_fee and gmt_refund');
  const refundedAt = fromBeijingTime(n.gmt_refund) ?? sentAt;
  return {
    intentId: n.out_trade_no, providerTxnId: n.trade_no, amount: n.total_amount, currency: null, paidAt: refundedAt.toISOString(), status: 'refunded', failureReason: null,
    refund: { reference: n.out_biz_no ?? `${n.trade_no}/${n.refund_fee}`, amount: n.refund_fee, cumulative: true, refundedAt: refundedAt.toISOString() },
  };
}

const alipayUnavailable = (detail: string) => new DomainError('CHANNEL_UNAVAILABLE', `Alipay gave no trustworthy answer: ${detail.slice(0, 200)}`, 'upstream');

/** One alipay-sdk call whose answer's RSA2 signature must verify; no answer, or one that does not verify, is CHANNEL_UNAVAILABLE 502. */
async function callAlipay(sdk: ReturnType<typeof alipayClient>, method: string, bizContent: Record<string, string>): Promise<Record<string, unknown>> {
  try {
    return await sdk.exec(method, { bizContent }, { validateSign: true });
  } catch (error) {
    throw alipayUnavailable((error as Error).message);
  }
}

export interface AlipayChannelDeps {
  config: AlipayConfig;
  /** PEM text of the app's private key (PKCS#8 or PKCS#1) and of Alipay's public key. */
  privateKeyPem: string;
  alipayPublicKeyPem: string;
  notifyUrl: string;
  now: () => Date;
}

/**
 * Alipay retries an unacknowledged notification for about 25 hours (4m, 10m, 10m, 1h, 2h, 6h, 15h)
 * with the same notify_time, so older ones are refused as stale; within the window a redelivery
 * is answered `success` and records nothing new (the trade_no is the repayment reference).
 */
export const ALIPAY_NOTIFICATION_WINDOW_MS = 48 * 3_600_000;

/**
 * Alipay through the official alipay-sdk: `alipay.trade.page.pay` signed locally (RSA2) into the
 * page URL the payer opens; asynchronous notifications verified with Alipay's public key
 * (checkNotifySignV2 over the decoded form fields), for our app id, answered `success`.
 */
export function alipayChannel(deps: AlipayChannelDeps): PaymentChannel {
  const sdk = alipayClient(deps.config, deps.privateKeyPem, deps.alipayPublicKeyPem);
  return {
    name: 'alipay',
    repaymentChannel: 'alipay',
    acknowledgement: { contentType: 'text/plain; charset=utf-8', body: 'success' },

    async createOrder(order) {
      const url = sdk.pageExecute('alipay.trade.page.pay', 'GET', {
        bizContent: {
          out_trade_no: order.intentId, product_code: 'FAST_INSTANT_TRADE_PAY', total_amount: order.amount,
          subject: order.subject.slice(0, 256), time_expire: toBeijingTime(order.expiresAt),
        },
        notify_url: deps.notifyUrl,
      });
      return { type: 'redirect', url };
    },

    /**
     * alipay.trade.close by out_trade_no (RSA2 answer verified). ACQ.TRADE_NOT_EXIST: the payer never
     * opened the trade, nothing to close. ACQ.TRADE_STATUS_ERROR (paid, or closed already):
     * alipay.trade.query tells which.
     */
    async closeOrder({ intentId }) {
      const closed = await callAlipay(sdk, 'alipay.trade.close', { out_trade_no: intentId });
      if (closed.code === '10000' || closed.subCode === 'ACQ.TRADE_NOT_EXIST') return 'closed';
      if (closed.subCode !== 'ACQ.TRADE_STATUS_ERROR') throw alipayUnavailable(`it refused to close the trade: ${String(closed.subCode ?? closed.code ?? '')} ${String(closed.subMsg ?? '')}`.trim());
      const trade = await callAlipay(sdk, 'alipay.trade.query', { out_trade_no: intentId });
      return trade.tradeStatus === 'TRADE_SUCCESS' || trade.tradeStatus === 'TRADE_FINISHED' ? 'paid' : 'closed';
    },

    async verifyNotification({ body }: InboundNotification): Promise<VerifiedNotification> {
      const parsed = alipayNotification.safeParse(openAlipayNotification(sdk, deps.config.appId, body));
      if (!parsed.success) throw malformedNotification('the Alipay notification lacks the trade fields');
      const n = parsed.data;
      const sentAt = fromBeijingTime(n.notify_time);
      if (sentAt === null || Math.abs(deps.now().getTime() - sentAt.getTime()) > ALIPAY_NOTIFICATION_WINDOW_MS) {
        throw staleNotification(`Alipay notify_time ${n.notify_time} is outside the retry window`);
      }
      if (n.trade_status === 'WAIT_BUYER_PAY') throw malformedNotification('the Alipay trade is not final yet (WAIT_BUYER_PAY)');
      if (n.refund_fee !== undefined || n.gmt_refund !== undefined) return alipayRefund(n, sentAt);
      const succeeded = n.trade_status !== 'TRADE_CLOSED';
      const paidAt = (n.gmt_payment ? fromBeijingTime(n.gmt_payment) : null) ?? sentAt;
      return {
        intentId: n.out_trade_no, providerTxnId: n.trade_no, amount: n.total_amount, currency: null, paidAt: paidAt.toISOString(),
        status: succeeded ? 'succeeded' : 'failed', failureReason: succeeded ? null : 'TRADE_CLOSED',
      };
    },
  };
}
