import { createDecipheriv } from 'node:crypto';
import { z } from 'zod';
import { malformedNotification } from '../notification-errors.js';

/** The notification envelope WeChat Pay v3 posts; its `resource` is encrypted with the APIv3 key. */
export const wechatNotificationBody = z.object({
  id: z.string(),
  create_time: z.string(),
  event_type: z.string(),
  resource_type: z.string(),
  summary: z.string().optional(),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string(),
    associated_data: z.string().optional(),
    nonce: z.string(),
    original_type: z.string().optional(),
  }),
});

/** The decrypted transaction (the fields the lender reads). `amount.total` is in minor units (fen). */
export const wechatTransaction = z.object({
  mchid: z.string(),
  appid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
  trade_state: z.string(),
  trade_state_desc: z.string().optional(),
  success_time: z.string().optional(),
  attach: z.string().optional(),
  amount: z.object({ total: z.number().int().positive(), currency: z.string() }).loose(),
}).loose();

export type WechatTransaction = z.infer<typeof wechatTransaction>;

/**
 * The decrypted resource of a refund notification (event_type REFUND.SUCCESS / REFUND.ABNORMAL /
 * REFUND.CLOSED): it names the merchant but no app, and the order only by out_trade_no.
 * `amount.refund` is this refund, `amount.total` the order's, both in minor units.
 */
export const wechatRefund = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
  out_refund_no: z.string(),
  refund_id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
  refund_status: z.string(),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int().positive(), refund: z.number().int().positive(), currency: z.string().optional() }).loose(),
}).loose();

/**
 * Decrypts a notification resource: AES-256-GCM with the APIv3 key, the resource's nonce as IV and
 * associated_data as AAD; the last 16 bytes of the ciphertext are the tag. A bad tag (tampered, or
 * another key) is NOTIFICATION_MALFORMED.
 */
export function decryptWechatResource(apiV3Key: string, resource: z.infer<typeof wechatNotificationBody>['resource']): WechatTransaction {
  return decryptWechatJson(apiV3Key, resource, wechatTransaction, 'a transaction');
}

/** Decrypts a notification resource (see decryptWechatResource) and parses it with `schema`; NOTIFICATION_MALFORMED otherwise. */
export function decryptWechatJson<T>(apiV3Key: string, resource: z.infer<typeof wechatNotificationBody>['resource'], schema: z.ZodType<T>, what: string): T {
  try {
    const bytes = Buffer.from(resource.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    const clear = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
    return schema.parse(JSON.parse(clear));
  } catch {
    throw malformedNotification(`the WeChat Pay resource does not decrypt with the APIv3 key to ${what}`);
  }
}
