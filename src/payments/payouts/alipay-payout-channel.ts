import type { AlipayConfig } from '../../config/payments-config.js';
import { alipayClient } from '../alipay/alipay-client.js';
import { DomainError } from '../../domain/errors.js';
import { fromBeijingTime } from '../alipay/alipay-notification.js';
import { REFUND_CHANNEL, type PayoutChannel, type PayoutStatusAnswer, type VerifiedPayoutNotification } from './payout-channel.js';
import { alipayTransferChange, alipayTransferMessage, TRANSFER_CHANGED } from './alipay-transfer-notification.js';
import { compactPayoutId as outBizNo, payoutIdOfCompact } from './compact-payout-id.js';
import type { InboundNotification } from '../channel.js';
import { ALIPAY_NOTIFICATION_WINDOW_MS } from '../alipay/alipay-channel.js';
import { openAlipayNotification } from '../alipay/open-alipay-notification.js';
import { malformedNotification, staleNotification } from '../notification-errors.js';

export interface AlipayPayoutDeps {
  config: AlipayConfig;
  /** PEM text of the app's private key and of Alipay's public key (verifies the signed answer). */
  privateKeyPem: string;
  alipayPublicKeyPem: string;
  now: () => Date;
}

/**
 * Alipay 单笔转账 (`alipay.fund.trans.uni.transfer`, product TRANS_ACCOUNT_NO_PWD, scene
 * DIRECT_TRANSFER) through the official alipay-sdk. The answer is RSA2-signed and verified with
 * Alipay's public key (an answer that does not verify is CHANNEL_UNAVAILABLE 502, the payout stays
 * pending); SUCCESS confirms the payout under Alipay's `order_id`, FAIL or a business refusal
 * (code ≠ 10000) fails it, DEALING leaves it pending. Alipay deduplicates by out_biz_no. A
 * pending transfer is settled later by Alipay's signed alipay.fund.trans.order.changed message or
 * by an officer's status query (alipay.fund.trans.common.query); Alipay has no cancel.
 */
export function alipayPayoutChannel(deps: AlipayPayoutDeps): PayoutChannel {
  const sdk = alipayClient(deps.config, deps.privateKeyPem, deps.alipayPublicKeyPem);
  return {
    name: 'alipay',
    refundChannel: REFUND_CHANNEL['alipay'],
    needsPayee: true,
    acknowledgement: { contentType: 'text/plain; charset=utf-8', body: 'success' },

    async submit(order) {
      if (!order.payee) throw new DomainError('PAYEE_REQUIRED', 'an Alipay payout needs the payee\'s account', 'invalid');
      let result: Record<string, unknown>;
      try {
        result = await sdk.exec('alipay.fund.trans.uni.transfer', {
          bizContent: {
            out_biz_no: outBizNo(order.payoutId), trans_amount: order.amount, product_code: 'TRANS_ACCOUNT_NO_PWD', biz_scene: 'DIRECT_TRANSFER',
            order_title: order.remark,
            payee_info: { identity: order.payee.account, identity_type: 'ALIPAY_LOGON_ID', ...(order.payee.name ? { name: order.payee.name } : {}) },
          },
        }, { validateSign: true });
      } catch (error) {
        throw new DomainError('CHANNEL_UNAVAILABLE', `Alipay gave no trustworthy answer: ${(error as Error).message.slice(0, 200)}`, 'upstream');
      }
      const code = String(result.code ?? '');
      if (code !== '10000') {
        return { status: 'failed', channelReference: null, reason: `Alipay refused the transfer: ${String(result.subCode ?? code)} ${String(result.subMsg ?? result.msg ?? '')}`.trim() };
      }
      const orderId = typeof result.orderId === 'string' ? result.orderId : null;
      if (result.status === 'SUCCESS' && orderId !== null) {
        const at = typeof result.transDate === 'string' ? fromBeijingTime(result.transDate) : null;
        return { status: 'confirmed', channelReference: orderId, at: (at ?? deps.now()).toISOString() };
      }
      if (result.status === 'FAIL') return { status: 'failed', channelReference: orderId, reason: 'Alipay reported the transfer FAIL' };
      return { status: 'pending', actionUrl: null };
    },

    /**
     * alipay.fund.trans.order.changed, opened like a payment notification (RSA2 sign checked with
     * alipay-sdk, our app id), sent within Alipay's retry window; only a final status (SUCCESS,
     * FAIL, REFUND) settles the payout. A redelivery settles nothing new (the order_id is the reference).
     */
    async verifyNotification({ body }: InboundNotification): Promise<VerifiedPayoutNotification> {
      const message = alipayTransferMessage.safeParse(openAlipayNotification(sdk, deps.config.appId, body));
      if (!message.success) throw malformedNotification(`the Alipay message is not ${TRANSFER_CHANGED}`);
      const sentAt = Number(message.data.utc_timestamp);
      if (Math.abs(deps.now().getTime() - sentAt) > ALIPAY_NOTIFICATION_WINDOW_MS) throw staleNotification(`Alipay utc_timestamp ${message.data.utc_timestamp} is outside the retry window`);
      let change;
      try {
        change = alipayTransferChange.parse(JSON.parse(message.data.biz_content));
      } catch {
        throw malformedNotification('the Alipay transfer message\'s biz_content lacks the transfer fields');
      }
      const answer = transferStatusAnswer(change, new Date(sentAt));
      if (answer.status === 'succeeded' || answer.status === 'failed') {
        if (answer.channelReference === null) throw malformedNotification('the Alipay transfer message names no order_id');
        return {
          payoutId: payoutIdOfCompact(change.out_biz_no), channelReference: answer.channelReference, amount: change.trans_amount, at: answer.at,
          status: answer.status, failureReason: answer.status === 'failed' ? answer.reason : null,
        };
      }
      throw malformedNotification(`the Alipay transfer is not final yet (${answer.providerState})`);
    },

    /** alipay.fund.trans.common.query by out_biz_no; ORDER_NOT_EXIST means Alipay never received the transfer. */
    async query(payout): Promise<PayoutStatusAnswer> {
      let result: Record<string, unknown>;
      try {
        result = await sdk.exec('alipay.fund.trans.common.query', {
          bizContent: { out_biz_no: outBizNo(payout.payoutId), product_code: 'TRANS_ACCOUNT_NO_PWD', biz_scene: 'DIRECT_TRANSFER' },
        }, { validateSign: true });
      } catch (error) {
        throw new DomainError('CHANNEL_UNAVAILABLE', `Alipay gave no trustworthy answer: ${(error as Error).message.slice(0, 200)}`, 'upstream');
      }
      return transferStatusAnswer(result, deps.now());
    },
  };
}

/**
 * Alipay's word on a transfer (a common.query answer, camel-cased by the SDK, or an
 * order.changed notification's biz_content): SUCCESS paid under order_id; FAIL and REFUND (the
 * money came back) ended unpaid; INIT, WAIT_PAY, DEALING, UNKNOWN are in flight.
 */
export function transferStatusAnswer(result: Record<string, unknown>, now: Date): PayoutStatusAnswer {
  const code = String(result.code ?? '10000');
  const subCode = String(result.subCode ?? result.sub_code ?? '');
  if (code !== '10000') {
    if (subCode === 'ORDER_NOT_EXIST') return { status: 'unknown', providerState: subCode };
    throw new DomainError('CHANNEL_UNAVAILABLE', `Alipay refused the transfer query: ${subCode || code} ${String(result.subMsg ?? result.sub_msg ?? result.msg ?? '')}`.trim(), 'upstream');
  }
  const status = String(result.status ?? 'UNKNOWN');
  const orderId = result.orderId ?? result.order_id;
  const payDate = result.payDate ?? result.pay_date;
  const at = (typeof payDate === 'string' ? fromBeijingTime(payDate) : null) ?? now;
  const amount = result.transAmount ?? result.trans_amount;
  if (status === 'SUCCESS' && typeof orderId === 'string') {
    return { status: 'succeeded', providerState: status, channelReference: orderId, amount: typeof amount === 'string' ? amount : null, at: at.toISOString() };
  }
  if (status === 'FAIL' || status === 'REFUND') {
    const reason = `${status} ${String(result.errorCode ?? result.error_code ?? '')} ${String(result.failReason ?? result.fail_reason ?? '')}`.replace(/\s+/g, ' ').trim();
    return { status: 'failed', providerState: status, channelReference: typeof orderId === 'string' ? orderId : null, reason, at: at.toISOString() };
  }
  return { status: 'pending', providerState: status };
}
