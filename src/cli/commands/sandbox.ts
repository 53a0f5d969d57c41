import { loadPaymentIntent } from '../../app/payments/payment-stream.js';
import { loadConfig } from '../../config/config.js';
import { sandboxNotification } from '../../payments/sandbox/sandbox-gateway.js';
import { sandboxKeys } from '../../payments/sandbox/sandbox-keys.js';
import { openEventStore } from '../../runtime/open-stores.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { sandboxPayout } from './sandbox-payout.js';

const USAGE = 'lendcore sandbox pay <intentId> [--fail] [--amount DECIMAL] [--url BASE-URL] | lendcore sandbox payout <payoutId> [--fail] [--url BASE-URL]';

/**
 * `lendcore sandbox pay`: the sandbox gateway, from a terminal. It reads the intent from the log,
 * signs a notification with the gateway's key under the data dir, and posts it to the running
 * server's POST /v1/payments/notify/sandbox (default LENDCORE_PUBLIC_URL, else http://HOST:PORT).
 */
export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  summary: 'act as the sandbox payment gateway: pay or fail a sandbox payment intent or refund payout (signed notification to the server)',
  usage: USAGE,
  async run(args, io) {
    const [verb, intentId, ...rest] = args;
    if (verb !== 'pay' && verb !== 'payout') throw new UsageError(`unknown sandbox action ${verb ?? '(none)'}; expected "pay" or "payout"`);
    if (verb === 'payout') {
      const payoutConfig = loadConfig(io.env);
      if (!payoutConfig.payments.sandbox) {
        io.err('the sandbox is off (LENDCORE_PAYMENTS_SANDBOX=off)');
        return 1;
      }
      return sandboxPayout(payoutConfig, intentId, rest, io);
    }
    if (intentId === undefined || intentId.startsWith('-')) throw new UsageError('an intent id is required');
    const { values } = parseCommandArgs(rest, { fail: { type: 'boolean' }, amount: { type: 'string' }, url: { type: 'string' } });
    if (values.amount !== undefined && !/^(0|[1-9]\d{0,14})(\.\d{1,12})?$/.test(values.amount)) throw new UsageError(`--amount ${values.amount}: expected a decimal such as 100.00`);
    const config = loadConfig(io.env);
    if (!config.payments.sandbox) {
      io.err('the sandbox is off (LENDCORE_PAYMENTS_SANDBOX=off)');
      return 1;
    }
    const eventStore = await openEventStore(config);
    let intent;
    try {
      intent = await loadPaymentIntent(eventStore, intentId);
    } finally {
      await eventStore.close();
    }
    if (intent === null || intent.state.channel !== 'sandbox' || intent.state.amount === null) {
      io.err(`no sandbox payment intent ${intentId} in the event log`);
      return 1;
    }
    const keys = await sandboxKeys(config.dataDir);
    const amount = values.amount ?? intent.state.amount;
    const signed = sandboxNotification(keys.privateKey, { intentId, amount, outcome: values.fail ? 'failed' : 'paid' }, new Date());
    const url = `${(values.url ?? config.payments.publicUrl).replace(/\/+$/, '')}/v1/payments/notify/sandbox`;
    const response = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
    const answer = await response.text();
    if (!response.ok) {
      io.err(`the server refused the notification: ${response.status} ${answer}`);
      return 1;
    }
    io.out(`${values.fail ? 'failed' : 'paid'} ${amount} on intent ${intentId}; the server answered ${answer}`);
    return 0;
  },
};
