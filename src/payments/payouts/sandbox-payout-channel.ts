import type { KeyObject } from 'node:crypto';
import type { InboundNotification } from '../channel.js';
import type { ReplayGuard } from '../replay-guard.js';
import { openSandboxNotification } from '../sandbox/open-sandbox-notification.js';
import type { SandboxPayoutEntry, SandboxPayoutLedger } from '../sandbox/sandbox-payout-ledger.js';
import { REFUND_CHANNEL, type PayoutChannel, type PayoutStatusAnswer, type VerifiedPayoutNotification } from './payout-channel.js';
import { sandboxPayoutNotificationBody, sandboxTransferId } from './sandbox-payout-notification.js';

/** The gateway's books read as a provider's query answer. */
function answerOf(payoutId: string, ended: SandboxPayoutEntry | null): PayoutStatusAnswer {
  if (ended === null) return { status: 'pending', providerState: 'AWAITING_PAYOUT' };
  switch (ended.outcome) {
    case 'paid':
      return { status: 'succeeded', providerState: 'SUCCESS', channelReference: sandboxTransferId(payoutId, true), amount: ended.amount, at: ended.at };
    case 'failed':
      return { status: 'failed', providerState: 'FAILED', channelReference: sandboxTransferId(payoutId, false), reason: 'payee account refused in the sandbox', at: ended.at };
    case 'cancelled':
      return { status: 'failed', providerState: 'CANCELLED', channelReference: null, reason: 'CANCELLED at the sandbox gateway', at: ended.at };
    default: {
      const unhandled: never = ended.outcome;
      return unhandled;
    }
  }
}

/**
 * The sandbox as a payout channel: a submitted payout waits on the gateway's page (or
 * `lendcore sandbox payout`); its notifications are trusted only with a valid Ed25519 signature
 * from the gateway's key, fresh and never seen before. Refunds it confirms carry channel `online`.
 * The gateway's books (its ledger) answer status queries, and cancel a payout it has not paid.
 */
export function sandboxPayoutChannel(deps: { publicKey: KeyObject; publicUrl: string; replayGuard: ReplayGuard; ledger: SandboxPayoutLedger; now: () => Date }): PayoutChannel {
  const pageOf = (payoutId: string) => `${deps.publicUrl}/v1/payments/sandbox/payouts/${encodeURIComponent(payoutId)}`;
  return {
    name: 'sandbox',
    refundChannel: REFUND_CHANNEL['sandbox'],
    needsPayee: false,
    acknowledgement: { contentType: 'application/json; charset=utf-8', body: '{"code":"SUCCESS"}' },

    settlementPage: pageOf,

    async submit(order) {
      return { status: 'pending', actionUrl: pageOf(order.payoutId) };
    },

    async verifyNotification(notification: InboundNotification): Promise<VerifiedPayoutNotification> {
      const n = openSandboxNotification(notification, deps.publicKey, deps.replayGuard, sandboxPayoutNotificationBody, 'a payout notification');
      return {
        payoutId: n.payoutId, channelReference: n.transferId, amount: n.amount, at: new Date(n.finishedAt).toISOString(),
        status: n.status === 'SUCCESS' ? 'succeeded' : 'failed', failureReason: n.reason,
      };
    },

    async query(payout) {
      return answerOf(payout.payoutId, await deps.ledger.find(payout.payoutId));
    },

    async cancel(payout) {
      return answerOf(payout.payoutId, await deps.ledger.end(payout.payoutId, 'cancelled', payout.amount, deps.now()));
    },
  };
}
