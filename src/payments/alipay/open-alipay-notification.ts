import type { AlipaySdk } from 'alipay-sdk';
import { badSignature, malformedNotification, unsignedNotification } from '../notification-errors.js';

/**
 * Opens an asynchronous Alipay notification, a trade's or a transfer's alike: the form fields
 * must carry Alipay's RSA2 `sign`, verified with alipay-sdk's checkNotifySignV2 (Alipay's public
 * key, over the decoded fields, sign excluded), and name our app id. Returns the decoded fields.
 * The algorithm is pinned to RSA2: alipay-sdk takes it from the notification's own `sign_type`, so an
 * unknown name made it throw a TypeError (a 500 on this public route) and "RSA" had it check SHA-1.
 * Errors: NOTIFICATION_UNSIGNED, NOTIFICATION_SIGNATURE_INVALID, NOTIFICATION_MALFORMED (another app).
 */
export function openAlipayNotification(sdk: AlipaySdk, appId: string, body: string): Record<string, string> {
  const fields = Object.fromEntries(new URLSearchParams(body));
  if (!fields.sign) throw unsignedNotification('an Alipay notification needs its sign field');
  if (fields.sign_type !== undefined && fields.sign_type !== 'RSA2') throw badSignature('Alipay');
  if (!sdk.checkNotifySignV2(fields)) throw badSignature('Alipay');
  if (fields.app_id !== appId) throw malformedNotification('the Alipay notification is for another app');
  return fields;
}
