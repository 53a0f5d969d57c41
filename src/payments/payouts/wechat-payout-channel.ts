import type { KeyObject } from 'node:crypto';
import type { WechatConfig } from '../../config/payments-config.js';
import { DomainError } from '../../domain/errors.js';
import type { InboundNotification } from '../channel.js';
import { fromMinorUnitCount, toMinorUnitCount } from '../minor-units.js';
import { malformedNotification } from '../notification-errors.js';
import type { ReplayGuard } from '../replay-guard.js';
import { wechatApiCall, type WechatAnswer } from '../wechat/wechat-api.js';
import { openWechatNotification } from '../wechat/wechat-notification.js';
import { decryptWechatJson } from '../wechat/wechat-resource.js';
import { REFUND_CHANNEL, type PayoutChannel, type PayoutOrder, type PayoutRef, type PayoutStatusAnswer, type VerifiedPayoutNotification } from './payout-channel.js';
import { compactPayoutId as outBillNo, payoutIdOfCompact } from './compact-payout-id.js';
import { billAnswer, billTime, encryptSensitiveField, USER_NAME_REQUIRED_FROM_FEN, wechatTransferBill } from './wechat-transfer-bill.js';

export interface WechatPayoutDeps {
  config: WechatConfig;
  transfer: NonNullable<WechatConfig['transfer']>;
  merchantKey: KeyObject;
  platformKey: KeyObject;
  /** Wechatpay-Serial naming the platform key a user_name is encrypted with; null when none is known (named payouts refused). */
  platformSerial: string | null;
  notifyUrl: string;
  replayGuard: ReplayGuard;
  now: () => Date;
  fetch: typeof fetch;
}

const TRANSFER_PATH = '/v3/fund-app/mch-transfer/transfer-bills';
const billPath = (payoutId: string) => `${TRANSFER_PATH}/out-bill-no/${outBillNo(payoutId)}`;

const problemOf = (answer: WechatAnswer) => `${String(answer.json?.code ?? answer.status)} ${String(answer.json?.message ?? '')}`.trim();

/**
 * WeChat Pay v3 商家转账 (transfer to the payee's balance) with node:crypto: the merchant posts a
 * signed transfer bill; WeChat answers that it is accepted (or waits for the payee to confirm),
 * so the payout stays pending until the signed MCHTRANSFER.BILL.FINISHED notification (verified
 * like a payment notification, resource decrypted with the APIv3 key) says SUCCESS, or FAIL /
 * CANCELLED. A bill WeChat refuses outright (4xx) was never created: the payout fails at once.
 * The payee's name travels as `user_name`, RSA-OAEP encrypted with the platform key (required from
 * 2 000 CNY). A pending bill can be queried by out_bill_no and cancelled before the payee
 * confirms. Every answer must carry WeChat's verified signature (CHANNEL_UNAVAILABLE 502 otherwise).
 */
export function wechatPayoutChannel(deps: WechatPayoutDeps): PayoutChannel {
  const { config } = deps;
  const ownBill = (answer: WechatAnswer, payout: PayoutRef) => {
    const bill = wechatTransferBill.safeParse(answer.json);
    if (!bill.success || bill.data.out_bill_no !== outBillNo(payout.payoutId) || (bill.data.mch_id !== config.mchId)) {
      throw new DomainError('CHANNEL_UNAVAILABLE', `WeChat Pay answered with a bill that is not payout ${payout.payoutId}'s`, 'upstream');
    }
    return bill.data;
  };

  const validate = (order: Pick<PayoutOrder, 'amount' | 'currency' | 'payee'>) => {
    if (!order.payee) throw new DomainError('PAYEE_REQUIRED', 'a WeChat payout needs the payee\'s openid', 'invalid');
    if (toMinorUnitCount(order.amount, order.currency) >= USER_NAME_REQUIRED_FROM_FEN && !order.payee.name) {
      throw new DomainError('PAYEE_NAME_REQUIRED', 'WeChat Pay requires the payee\'s real name (payee.name) on a transfer of 2000 CNY or more', 'rule');
    }
    if (order.payee.name && deps.platformSerial === null) {
      throw new DomainError('CHANNEL_NOT_CONFIGURED', 'the payee\'s name must be encrypted with the WeChat Pay public key: set LENDCORE_WECHAT_PLATFORM_SERIAL to its id (PUB_KEY_ID_…)', 'rule');
    }
  };

  return {
    name: 'wechat',
    refundChannel: REFUND_CHANNEL['wechat'],
    needsPayee: true,
    acknowledgement: { contentType: 'application/json; charset=utf-8', body: '{"code":"SUCCESS"}' },

    validate,

    async submit(order) {
      validate(order);
      const payee = order.payee;
      if (!payee) throw new DomainError('PAYEE_REQUIRED', 'a WeChat payout needs the payee\'s openid', 'invalid');
      // validate() refused a name without a serial to name the key it is encrypted with.
      const serial = payee.name ? deps.platformSerial : null;
      const body = JSON.stringify({
        appid: config.appId, out_bill_no: outBillNo(order.payoutId), transfer_scene_id: deps.transfer.sceneId, openid: payee.account,
        ...(payee.name && serial ? { user_name: encryptSensitiveField(deps.platformKey, payee.name) } : {}),
        transfer_amount: toMinorUnitCount(order.amount, order.currency), transfer_remark: order.remark.slice(0, 32), notify_url: deps.notifyUrl,
        transfer_scene_report_infos: deps.transfer.reportInfos,
      });
      const answer = await wechatApiCall(deps, 'POST', TRANSFER_PATH, body, serial ? { 'wechatpay-serial': serial } : {});
      if (answer.status >= 400) return { status: 'failed', channelReference: null, reason: `WeChat Pay refused the transfer: ${problemOf(answer)}` };
      return { status: 'pending', actionUrl: null };
    },

    async verifyNotification(notification: InboundNotification): Promise<VerifiedPayoutNotification> {
      const envelope = openWechatNotification(notification, deps.platformKey, deps.replayGuard);
      const bill = decryptWechatJson(config.apiV3Key, envelope.resource, wechatTransferBill, 'a transfer bill');
      if (bill.mch_id !== config.mchId) throw malformedNotification('the WeChat Pay transfer belongs to another merchant');
      if (bill.state !== 'SUCCESS' && bill.state !== 'FAIL' && bill.state !== 'CANCELLED') throw malformedNotification(`the WeChat Pay transfer is not final yet (${bill.state})`);
      const succeeded = bill.state === 'SUCCESS';
      return {
        payoutId: payoutIdOfCompact(bill.out_bill_no), channelReference: bill.transfer_bill_no, amount: fromMinorUnitCount(bill.transfer_amount, 'CNY'), at: billTime(bill, deps.now()),
        status: succeeded ? 'succeeded' : 'failed', failureReason: succeeded ? null : `${bill.state} ${bill.fail_reason ?? ''}`.trim(),
      };
    },

    /** GET …/transfer-bills/out-bill-no/{out_bill_no}; 404 means WeChat never received the bill. */
    async query(payout): Promise<PayoutStatusAnswer> {
      const answer = await wechatApiCall(deps, 'GET', billPath(payout.payoutId), '');
      if (answer.status === 404) return { status: 'unknown', providerState: String(answer.json?.code ?? 'NOT_FOUND') };
      if (answer.status >= 400) throw new DomainError('CHANNEL_UNAVAILABLE', `WeChat Pay refused the bill query: ${problemOf(answer)}`, 'upstream');
      return billAnswer(ownBill(answer, payout), deps.now());
    },

    /** POST …/out-bill-no/{out_bill_no}/cancel: CANCELLED ends the bill, CANCELING is still under way; WeChat refuses once the payee confirmed. */
    async cancel(payout): Promise<PayoutStatusAnswer> {
      const answer = await wechatApiCall(deps, 'POST', `${billPath(payout.payoutId)}/cancel`, '');
      if (answer.status === 404) return { status: 'unknown', providerState: String(answer.json?.code ?? 'NOT_FOUND') };
      if (answer.status >= 400) throw new DomainError('PAYOUT_NOT_CANCELLABLE', `WeChat Pay will not cancel the transfer: ${problemOf(answer)}`, 'conflict');
      const state = String(answer.json?.state ?? '');
      const transferBillNo = typeof answer.json?.transfer_bill_no === 'string' ? answer.json.transfer_bill_no : null;
      if (answer.json?.out_bill_no !== outBillNo(payout.payoutId)) throw new DomainError('CHANNEL_UNAVAILABLE', `WeChat Pay answered the cancel with another bill than payout ${payout.payoutId}'s`, 'upstream');
      if (state === 'CANCELLED') return { status: 'failed', providerState: state, channelReference: transferBillNo, reason: 'CANCELLED', at: billTime({ update_time: String(answer.json.update_time ?? '') }, deps.now()) };
      return { status: 'pending', providerState: state || 'CANCELING' };
    },
  };
}
