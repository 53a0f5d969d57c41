import type { AlipayConfig } from '../../config/payments-config.js';
import { alipayClient } from '../alipay/alipay-client.js';
import { DomainError } from '../../domain/errors.js';
import { fromBeijingTime } from '../alipay/alipay-notification.js';
import type { PayoutChannel } from './payout-channel.js';

export interface AlipayPayoutDeps {
  config: AlipayConfig;
  /** PEM text of the app's private key and of Alipay's public key (verifies the signed answer). */
  privateKeyPem: string;
  alipayPublicKeyPem: string;
  now: () => Date;
}

/** out_biz_no: the payout's id without hyphens (letters and digits only). */
export const outBizNo = (payoutId: string) => payoutId.replaceAll('-', '');

/**
 * Alipay 单笔转账 (`alipay.fund.trans.uni.transfer`, product TRANS_ACCOUNT_NO_PWD, scene
 * DIRECT_TRANSFER) through the official alipay-sdk. The answer is RSA2-signed and verified with
 * Alipay's public key (an answer that does not verify is CHANNEL_UNAVAILABLE 502, the payout stays
 * pending); SUCCESS confirms the payout under Alipay's `order_id`, FAIL or a business refusal
 * (code ≠ 10000) fails it, DEALING leaves it pending. Alipay deduplicates by out_biz_no.
 */
export function alipayPayoutChannel(deps: AlipayPayoutDeps): PayoutChannel {
  const sdk = alipayClient(deps.config, deps.privateKeyPem, deps.alipayPublicKeyPem);
  return {
    name: 'alipay',
    refundChannel: 'alipay',
    needsPayee: true,

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
  };
}
