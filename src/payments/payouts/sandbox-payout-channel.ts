import type { KeyObject } from 'node:crypto';
import type { InboundNotification } from '../channel.js';
import { badSignature, malformedNotification, unsignedNotification } from '../notification-errors.js';
import type { ReplayGuard } from '../replay-guard.js';
import { SANDBOX_HEADERS, sandboxSignatureValid } from '../sandbox/sandbox-signature.js';
import type { PayoutChannel, VerifiedPayoutNotification } from './payout-channel.js';
import { sandboxPayoutNotificationBody } from './sandbox-payout-notification.js';

const single = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

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

    async verifyNotification({ headers, body }: InboundNotification): Promise<VerifiedPayoutNotification> {
      const timestamp = single(headers[SANDBOX_HEADERS.timestamp]);
      const nonce = single(headers[SANDBOX_HEADERS.nonce]);
      const signature = single(headers[SANDBOX_HEADERS.signature]);
      if (!timestamp || !nonce || !signature) throw unsignedNotification(`a sandbox notification needs the ${Object.values(SANDBOX_HEADERS).join(', ')} headers`);
      if (!sandboxSignatureValid(deps.publicKey, timestamp, nonce, body, signature)) throw badSignature('sandbox');
      deps.replayGuard.admit(timestamp, nonce);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw malformedNotification('the sandbox notification body is not JSON');
      }
      const parsed = sandboxPayoutNotificationBody.safeParse(json);
      if (!parsed.success) throw malformedNotification(`the sandbox notification body is not a payout notification: ${parsed.error.issues[0]?.message ?? ''}`);
      const n = parsed.data;
      return {
        payoutId: n.payoutId, channelReference: n.transferId, amount: n.amount, at: new Date(n.finishedAt).toISOString(),
        status: n.status === 'SUCCESS' ? 'succeeded' : 'failed', failureReason: n.reason,
      };
    },
  };
}
