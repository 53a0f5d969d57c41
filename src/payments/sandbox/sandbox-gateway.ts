import type { KeyObject } from 'node:crypto';
import type { SandboxNotificationBody } from './sandbox-notification.js';
import { signSandboxBody } from './sandbox-signature.js';

/** A notification ready to post: the exact body text and the headers that sign it. */
export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

/**
 * The simulated provider: it decides how an intent's payment went and signs the notification it
 * sends the lender, exactly as a provider would. Its transaction id is derived from the intent
 * (one payment per intent), so pressing "confirm" twice redelivers the same payment.
 */
export function sandboxNotification(
  privateKey: KeyObject,
  payment: { intentId: string; amount: string; outcome: 'paid' | 'failed' },
  now: Date,
): SignedNotification {
  const paid = payment.outcome === 'paid';
  const notification: SandboxNotificationBody = {
    intentId: payment.intentId,
    transactionId: `SBX-${payment.intentId}${paid ? '' : '-F'}`,
    amount: payment.amount,
    status: paid ? 'SUCCESS' : 'FAILED',
    paidAt: now.toISOString(),
    reason: paid ? null : 'declined in the sandbox',
  };
  const body = JSON.stringify(notification);
  return { headers: { 'content-type': 'application/json', ...signSandboxBody(privateKey, body, now) }, body };
}
