import { z } from 'zod';

export const TRANSFER_CHANGED = 'alipay.fund.trans.order.changed';

/**
 * The form fields of Alipay's transfer status message (`msg_method`
 * alipay.fund.trans.order.changed, posted to the app's gateway URL) the lender reads: when it was
 * sent (`utc_timestamp`, epoch ms) and the transfer in `biz_content` (JSON). Others are signed but ignored.
 */
export const alipayTransferMessage = z.object({
  msg_method: z.literal(TRANSFER_CHANGED),
  app_id: z.string(),
  utc_timestamp: z.string().regex(/^\d{10,16}$/),
  biz_content: z.string(),
}).loose();

/** The transfer in the message's biz_content; `trans_amount` is a decimal string in yuan. */
export const alipayTransferChange = z.object({
  out_biz_no: z.string().min(1),
  order_id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/).optional(),
  status: z.string(),
  trans_amount: z.string().regex(/^(0|[1-9]\d{0,14})(\.\d{1,2})?$/),
  pay_date: z.string().optional(),
  error_code: z.string().optional(),
  fail_reason: z.string().optional(),
}).loose();
