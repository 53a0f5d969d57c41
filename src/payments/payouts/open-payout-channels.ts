import type { Config } from '../../config/config.js';
import type { PayoutChannel as PayoutChannelName } from '../../domain/payout/events.js';
import { ReplayGuard } from '../replay-guard.js';
import type { SandboxKeys } from '../sandbox/sandbox-keys.js';
import { bankTransferPayoutChannel } from './bank-transfer-payout-channel.js';
import type { PayoutChannel, PayoutChannels } from './payout-channel.js';
import { sandboxPayoutChannel } from './sandbox-payout-channel.js';

/**
 * The payout channels this process runs: bank transfer always (an officer confirms it), the
 * sandbox when it is on, and each provider its configuration enables.
 */
export async function openPayoutChannels(config: Config, sandbox: SandboxKeys | null, now: () => Date): Promise<PayoutChannels> {
  const channels = new Map<PayoutChannelName, PayoutChannel>([['bank-transfer', bankTransferPayoutChannel]]);
  const { payments } = config;
  if (sandbox !== null) channels.set('sandbox', sandboxPayoutChannel({ publicKey: sandbox.publicKey, publicUrl: payments.publicUrl, replayGuard: new ReplayGuard(now) }));
  return channels;
}
