import type { KeyObject } from 'node:crypto';
import type { InboundNotification } from '../channel.js';
import type { ReplayGuard } from '../replay-guard.js';
import { openSandboxNotification } from '../sandbox/open-sandbox-notification.js';
import type { PayoutChannel, VerifiedPayoutNotification } from './payout-channel.js';
import { sandboxPayoutNotificationBody } from './sandbox-payout-notification.js';


/**
 * The sandbox as a payout channel: a submitted payout waits on the gateway's page (or
 * `lendcore sandbox payout`); its notifications are trusted only with a valid Ed25519 signature
 * from the gateway's key, fresh and never seen before. Refunds it confirms carry channel `online`.
 */
export function sandboxPayoutChannel(deps: { publicKey: KeyObject; publicUrl: string; replayGuard: ReplayGuard }): PayoutChannel {
  return {
    name: 'sandbox',
    refundChannel: 'online',
    needsPayee: false,
    acknowledgement: { contentType: 'application/json; charset=utf-8', body: '{"code":"SUCCESS"}' },

    async submit(order) {
      return { status: 'pending', actionUrl: `${deps.publicUrl}/v1/payments/sandbox/payouts/${encodeURIComponent(order.payoutId)}` };
    },

    async verifyNotification(notification: InboundNotification): Promise<VerifiedPayoutNotification> {
      const n = openSandboxNotification(notification, deps.publicKey, deps.replayGuard, sandboxPayoutNotificationBody, 'a payout notification');
      return {
        payoutId: n.payoutId, channelReference: n.transferId, amount: n.amount, at: new Date(n.finishedAt).toISOString(),
        status: n.status === 'SUCCESS' ? 'succeeded' : 'failed', failureReason: n.reason,
      };
    },
  };
}
