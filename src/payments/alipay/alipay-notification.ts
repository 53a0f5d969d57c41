import { z } from 'zod';

/** The fields of Alipay's asynchronous trade notification (form-encoded) the lender reads; others are signed but ignored. */
export const alipayNotification = z
  .object({
    notify_time: z.string(),
    app_id: z.string(),
    trade_no: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
    out_trade_no: z.string(),
    trade_status: z.enum(['TRADE_SUCCESS', 'TRADE_FINISHED', 'TRADE_CLOSED', 'WAIT_BUYER_PAY']),
    total_amount: z.string().regex(/^(0|[1-9]\d{0,14})(\.\d{1,2})?$/),
    gmt_payment: z.string().optional(),
    // A refund's notification (to the payment's notify_url) adds these: refund_fee is the trade's refunded total so far,
    // out_biz_no the refund request's number; a full refund closes the trade (TRADE_CLOSED), a partial one leaves it TRADE_SUCCESS.
    refund_fee: z.string().regex(/^(0|[1-9]\d{0,14})(\.\d{1,2})?$/).optional(),
    gmt_refund: z.string().optional(),
    out_biz_no: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/).optional(),
  })
  .loose();

/** Alipay writes times as "yyyy-MM-dd HH:mm:ss" in Beijing time (UTC+8, no daylight saving). */
export function fromBeijingTime(text: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text);
  if (!match) return null;
  const time = Date.parse(`${match[1]}T${match[2]}+08:00`);
  return Number.isNaN(time) ? null : new Date(time);
}

/** An instant as Alipay's "yyyy-MM-dd HH:mm:ss" Beijing time. */
export function toBeijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
