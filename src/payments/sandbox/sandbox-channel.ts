import type { KeyObject } from 'node:crypto';
import type { InboundNotification, PaymentChannel, VerifiedNotification } from '../channel.js';
import { badSignature, malformedNotification, unsignedNotification } from '../notification-errors.js';
import type { ReplayGuard } from '../replay-guard.js';
import { sandboxNotificationBody } from './sandbox-notification.js';
import { SANDBOX_HEADERS, sandboxSignatureValid } from './sandbox-signature.js';

const single = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

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

    async verifyNotification({ headers, body }: InboundNotification): Promise<VerifiedNotification> {
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
      const parsed = sandboxNotificationBody.safeParse(json);
      if (!parsed.success) throw malformedNotification(`the sandbox notification body is not the gateway's shape: ${parsed.error.issues[0]?.message ?? ''}`);
      const n = parsed.data;
      return {
        intentId: n.intentId, providerTxnId: n.transactionId, amount: n.amount, paidAt: new Date(n.paidAt).toISOString(),
        status: n.status === 'SUCCESS' ? 'succeeded' : 'failed', failureReason: n.reason,
      };
    },
  };
}
