import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { SignedNotification } from '../sandbox/sandbox-gateway.js';
import { signSandboxBody } from '../sandbox/sandbox-signature.js';

/** The JSON body the sandbox gateway posts to /v1/payments/payout-notify/sandbox. */
export const sandboxPayoutNotificationBody = z
  .object({
    payoutId: z.string().min(1),
    transferId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
    amount: z.string().regex(/^(0|[1-9]\d{0,14})(\.\d{1,12})?$/),
    status: z.enum(['SUCCESS', 'FAILED']),
    finishedAt: z.iso.datetime(),
    reason: z.string().max(200).nullable(),
  })
  .strict();

export type SandboxPayoutNotificationBody = z.infer<typeof sandboxPayoutNotificationBody>;

/** The gateway's transfer id for a payout it paid (or failed): derived from the payout, so settling twice redelivers the same transfer. */
export const sandboxTransferId = (payoutId: string, paid: boolean) => `SBXT-${payoutId}${paid ? '' : '-F'}`;

/**
 * The simulated gateway pays (or fails) a payout and signs the notification it sends the lender,
 * exactly as for a payment. Its transfer id is derived from the payout, so settling it twice
 * redelivers the same transfer.
 */
export function sandboxPayoutNotification(
  privateKey: KeyObject,
  payout: { payoutId: string; amount: string; outcome: 'paid' | 'failed' },
  now: Date,
): SignedNotification {
  const paid = payout.outcome === 'paid';
  const notification: SandboxPayoutNotificationBody = {
    payoutId: payout.payoutId,
    transferId: sandboxTransferId(payout.payoutId, paid),
    amount: payout.amount,
    status: paid ? 'SUCCESS' : 'FAILED',
    finishedAt: now.toISOString(),
    reason: paid ? null : 'payee account refused in the sandbox',
  };
  const body = JSON.stringify(notification);
  return { headers: { 'content-type': 'application/json', ...signSandboxBody(privateKey, body, now) }, body };
}
