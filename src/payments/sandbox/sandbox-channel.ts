import type { KeyObject } from 'node:crypto';
import type { InboundNotification, PaymentChannel, VerifiedNotification } from '../channel.js';
import type { ReplayGuard } from '../replay-guard.js';
import { sandboxNotificationBody } from './sandbox-notification.js';
import { openSandboxNotification } from './open-sandbox-notification.js';


/**
 * The sandbox as a channel: its action is the gateway's confirm page; its notifications are
 * trusted only with a valid Ed25519 signature from the gateway's key, fresh and never seen before.
 * Repayments it confirms are recorded with channel `online`.
 */
export function sandboxChannel(deps: { publicKey: KeyObject; publicUrl: string; replayGuard: ReplayGuard }): PaymentChannel {
  return {
    name: 'sandbox',
    repaymentChannel: 'online',
    acknowledgement: { contentType: 'application/json; charset=utf-8', body: '{"code":"SUCCESS"}' },

    async createOrder(order) {
      return { type: 'redirect', url: `${deps.publicUrl}/v1/payments/sandbox/${encodeURIComponent(order.intentId)}` };
    },

    // The gateway is the lender's own page, which reads the intent: a cancelled one it refuses to pay.
    async closeOrder() {
      return 'closed' as const;
    },

    async verifyNotification(notification: InboundNotification): Promise<VerifiedNotification> {
      const n = openSandboxNotification(notification, deps.publicKey, deps.replayGuard, sandboxNotificationBody, 'the gateway\'s shape');
      return {
        intentId: n.intentId, providerTxnId: n.transactionId, amount: n.amount, currency: null, paidAt: new Date(n.paidAt).toISOString(),
        status: n.status === 'SUCCESS' ? 'succeeded' : 'failed', failureReason: n.reason,
      };
    },
  };
}
