import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { WechatConfig } from '../../config/payments-config.js';
import { DomainError } from '../../domain/errors.js';
import type { InboundNotification } from '../channel.js';
import { fromMinorUnitCount, toMinorUnitCount } from '../minor-units.js';
import { malformedNotification } from '../notification-errors.js';
import type { ReplayGuard } from '../replay-guard.js';
import { openWechatNotification } from '../wechat/wechat-notification.js';
import { decryptWechatJson } from '../wechat/wechat-resource.js';
import { wechatAuthorization } from '../wechat/wechat-signature.js';
import type { PayoutChannel, VerifiedPayoutNotification } from './payout-channel.js';

export interface WechatPayoutDeps {
  config: WechatConfig;
  transfer: NonNullable<WechatConfig['transfer']>;
  merchantKey: KeyObject;
  platformKey: KeyObject;
  notifyUrl: string;
  replayGuard: ReplayGuard;
  now: () => Date;
  fetch: typeof fetch;
}

const TRANSFER_PATH = '/v3/fund-app/mch-transfer/transfer-bills';

/** out_bill_no allows 32 letters and digits: the payout's UUID without hyphens, and back. */
export const outBillNo = (payoutId: string) => payoutId.replaceAll('-', '');
export const payoutIdOfBill = (bill: string) => (/^[0-9a-f]{32}$/i.test(bill)
  ? `${bill.slice(0, 8)}-${bill.slice(8, 12)}-${bill.slice(12, 16)}-${bill.slice(16, 20)}-${bill.slice(20)}`
  : bill);

/** The decrypted MCHTRANSFER.BILL.FINISHED resource (fields the lender reads). `transfer_amount` is in fen. */
export const wechatTransferBill = z.object({
  out_bill_no: z.string(),
  transfer_bill_no: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
  state: z.string(),
  mch_id: z.string(),
  transfer_amount: z.number().int().positive(),
  fail_reason: z.string().optional(),
  update_time: z.string().optional(),
}).loose();

/**
 * WeChat Pay v3 商家转账 (transfer to the payee's balance) with node:crypto: the merchant posts a
 * signed transfer bill; WeChat answers that it is accepted (or waits for the payee to confirm),
 * so the payout stays pending until the signed MCHTRANSFER.BILL.FINISHED notification (verified
 * like a payment notification, resource decrypted with the APIv3 key) says SUCCESS, or FAIL /
 * CANCELLED. A bill WeChat refuses outright (4xx) was never created: the payout fails at once.
 */
export function wechatPayoutChannel(deps: WechatPayoutDeps): PayoutChannel {
  const { config } = deps;
  return {
    name: 'wechat',
    refundChannel: 'wechat',
    needsPayee: true,
    acknowledgement: { contentType: 'application/json; charset=utf-8', body: '{"code":"SUCCESS"}' },

    async submit(order) {
      if (!order.payee) throw new DomainError('PAYEE_REQUIRED', 'a WeChat payout needs the payee\'s openid', 'invalid');
      const body = JSON.stringify({
        appid: config.appId, out_bill_no: outBillNo(order.payoutId), transfer_scene_id: deps.transfer.sceneId, openid: order.payee.account,
        transfer_amount: toMinorUnitCount(order.amount, order.currency), transfer_remark: order.remark.slice(0, 32), notify_url: deps.notifyUrl,
        transfer_scene_report_infos: deps.transfer.reportInfos,
      });
      const authorization = wechatAuthorization({ method: 'POST', path: TRANSFER_PATH, body }, { mchId: config.mchId, serialNo: config.merchantSerialNo, privateKey: deps.merchantKey }, deps.now());
      let response: Response;
      try {
        response = await deps.fetch(`${config.apiBase}${TRANSFER_PATH}`, { method: 'POST', body, headers: { authorization, accept: 'application/json', 'content-type': 'application/json' } });
      } catch (error) {
        throw new DomainError('CHANNEL_UNAVAILABLE', `WeChat Pay did not answer: ${(error as Error).message}`, 'upstream');
      }
      const answer = (await response.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
      if (response.status >= 400 && response.status < 500) {
        return { status: 'failed', channelReference: null, reason: `WeChat Pay refused the transfer: ${String(answer?.code ?? response.status)} ${String(answer?.message ?? '')}`.trim() };
      }
      if (!response.ok) throw new DomainError('CHANNEL_UNAVAILABLE', `WeChat Pay failed: ${response.status}`, 'upstream');
      return { status: 'pending', actionUrl: null };
    },

    async verifyNotification(notification: InboundNotification): Promise<VerifiedPayoutNotification> {
      const envelope = openWechatNotification(notification, deps.platformKey, deps.replayGuard);
      const bill = decryptWechatJson(config.apiV3Key, envelope.resource, wechatTransferBill, 'a transfer bill');
      if (bill.mch_id !== config.mchId) throw malformedNotification('the WeChat Pay transfer belongs to another merchant');
      if (bill.state !== 'SUCCESS' && bill.state !== 'FAIL' && bill.state !== 'CANCELLED') throw malformedNotification(`the WeChat Pay transfer is not final yet (${bill.state})`);
      const at = bill.update_time && !Number.isNaN(Date.parse(bill.update_time)) ? new Date(bill.update_time).toISOString() : deps.now().toISOString();
      const succeeded = bill.state === 'SUCCESS';
      return {
        payoutId: payoutIdOfBill(bill.out_bill_no), channelReference: bill.transfer_bill_no, amount: fromMinorUnitCount(bill.transfer_amount, 'CNY'), at,
        status: succeeded ? 'succeeded' : 'failed', failureReason: succeeded ? null : `${bill.state} ${bill.fail_reason ?? ''}`.trim(),
      };
    },
  };
}
