import { loadPayout } from '../../app/payouts/payout-stream.js';
import type { Config } from '../../config/config.js';
import { sandboxPayoutNotification } from '../../payments/payouts/sandbox-payout-notification.js';
import { sandboxKeys } from '../../payments/sandbox/sandbox-keys.js';
import { SandboxPayoutLedger } from '../../payments/sandbox/sandbox-payout-ledger.js';
import { openEventStore } from '../../runtime/open-stores.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliIo } from '../command.js';

/**
 * `lendcore sandbox payout <payoutId> [--fail] [--url BASE-URL]`: the gateway pays (or fails) a
 * sandbox refund payout and posts its signed notification to POST /v1/payments/payout-notify/sandbox.
 */
export async function sandboxPayout(config: Config, payoutId: string | undefined, rest: string[], io: CliIo): Promise<number> {
  if (payoutId === undefined || payoutId.startsWith('-')) throw new UsageError('a payout id is required');
  const { values } = parseCommandArgs(rest, { fail: { type: 'boolean' }, url: { type: 'string' } });
  const eventStore = await openEventStore(config);
  let payout;
  try {
    payout = await loadPayout(eventStore, payoutId);
  } finally {
    await eventStore.close();
  }
  if (payout === null || payout.state.channel !== 'sandbox' || payout.state.amount === null) {
    io.err(`no sandbox payout ${payoutId} in the event log`);
    return 1;
  }
  const keys = await sandboxKeys(config.dataDir);
  // The gateway books the payout's end before it notifies, so the lender can query it if the notification is lost.
  const ended = await SandboxPayoutLedger.inDataDir(config.dataDir).end(payoutId, values.fail ? 'failed' : 'paid', payout.state.amount, new Date());
  if (ended.outcome === 'cancelled') {
    io.err(`the gateway cancelled payout ${payoutId} at the lender's request; nothing was paid`);
    return 1;
  }
  const { amount } = ended;
  const signed = sandboxPayoutNotification(keys.privateKey, { payoutId, amount, outcome: ended.outcome }, new Date());
  const url = `${(values.url ?? config.payments.publicUrl).replace(/\/+$/, '')}/v1/payments/payout-notify/sandbox`;
  const response = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
  const answer = await response.text();
  if (!response.ok) {
    io.err(`the server refused the notification: ${response.status} ${answer}`);
    return 1;
  }
  io.out(`${ended.outcome === 'failed' ? 'failed' : 'paid out'} ${amount} on payout ${payoutId}; the server answered ${answer}`);
  return 0;
}
