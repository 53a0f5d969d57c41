import type { Config } from '../config/config.js';
import type { IntentChannel } from '../domain/payment/events.js';
import type { PaymentChannel, PaymentChannels } from './channel.js';
import { ReplayGuard } from './replay-guard.js';
import { sandboxChannel } from './sandbox/sandbox-channel.js';
import { sandboxKeys, type SandboxKeys } from './sandbox/sandbox-keys.js';

export interface OpenedChannels {
  channels: PaymentChannels;
  /** The sandbox gateway's keys when the sandbox is on (its page signs with the private key). */
  sandbox: SandboxKeys | null;
}

/** Opens every configured channel (reading key files); a provider without configuration stays off. */
export async function openPaymentChannels(config: Config, now: () => Date): Promise<OpenedChannels> {
  const channels = new Map<IntentChannel, PaymentChannel>();
  const { payments } = config;
  let sandbox: SandboxKeys | null = null;
  if (payments.sandbox) {
    sandbox = await sandboxKeys(config.dataDir);
    channels.set('sandbox', sandboxChannel({ publicKey: sandbox.publicKey, publicUrl: payments.publicUrl, replayGuard: new ReplayGuard(now) }));
  }
  return { channels, sandbox };
}
