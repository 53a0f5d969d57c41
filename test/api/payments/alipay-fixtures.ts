import { createSign, type KeyObject } from 'node:crypto';

export const ALIPAY_APP_ID = '2021000000000001';

const beijing = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

export interface AlipayPayment {
  intentId: string;
  tradeNo: string;
  amount: string;
  status?: string;
  appId?: string;
  notifiedAt?: Date;
}

/** The notification's fields before signing, as Alipay sends them (times in Beijing time). */
export function alipayFields(payment: AlipayPayment): Record<string, string> {
  const at = payment.notifiedAt ?? new Date();
  return {
    notify_time: beijing(at), notify_type: 'trade_status_sync', notify_id: `ac05099524730693a8b330c5ecf72da${payment.tradeNo.slice(-4)}`,
    app_id: payment.appId ?? ALIPAY_APP_ID, charset: 'utf-8', version: '1.0', trade_no: payment.tradeNo, out_trade_no: payment.intentId,
    trade_status: payment.status ?? 'TRADE_SUCCESS', total_amount: payment.amount, receipt_amount: payment.amount, subject: '还款 repayment',
    gmt_create: beijing(at), gmt_payment: beijing(at), buyer_logon_id: '159****5620',
  };
}

/** Signs as Alipay does (RSA2: SHA256withRSA over the sorted key=value pairs, sign excluded) and form-encodes. */
export function signedAlipayForm(alipayKey: KeyObject, fields: Record<string, string>): string {
  const content = Object.keys(fields).sort().map((k) => `${k}=${fields[k]}`).join('&');
  const sign = createSign('RSA-SHA256').update(content, 'utf8').sign(alipayKey, 'base64');
  return new URLSearchParams({ ...fields, sign, sign_type: 'RSA2' }).toString();
}

export const formHeaders = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
