import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { InboundNotification } from '../channel.js';
import { badSignature, malformedNotification, unsignedNotification } from '../notification-errors.js';
import type { ReplayGuard } from '../replay-guard.js';
import { wechatNotificationBody } from './wechat-resource.js';
import { wechatSignatureValid } from './wechat-signature.js';

const single = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Opens a WeChat Pay v3 notification, payment or transfer alike: its Wechatpay-Signature must be
 * the platform key's over timestamp, nonce and body, its timestamp fresh and its nonce never seen
 * (the replay guard), and its body a v3 envelope. Errors: NOTIFICATION_UNSIGNED, the bad-signature
 * and replay refusals, NOTIFICATION_MALFORMED. The resource is still encrypted (see wechat-resource).
 */
export function openWechatNotification({ headers, body }: InboundNotification, platformKey: KeyObject, replayGuard: ReplayGuard): z.infer<typeof wechatNotificationBody> {
  const timestamp = single(headers['wechatpay-timestamp']);
  const nonce = single(headers['wechatpay-nonce']);
  const signature = single(headers['wechatpay-signature']);
  if (!timestamp || !nonce || !signature) throw unsignedNotification('a WeChat Pay notification needs the Wechatpay-Timestamp, Wechatpay-Nonce and Wechatpay-Signature headers');
  if (!wechatSignatureValid(platformKey, timestamp, nonce, body, signature)) throw badSignature('WeChat Pay');
  replayGuard.admit(timestamp, nonce);
  try {
    return wechatNotificationBody.parse(JSON.parse(body));
  } catch {
    throw malformedNotification('the WeChat Pay notification is not a v3 notification envelope');
  }
}
