import { readFile } from 'node:fs/promises';
import type { Config } from '../../config/config.js';
import type { PayoutChannel as PayoutChannelName } from '../../domain/payout/events.js';
import { certificateSerial, privateKeyFile, publicKeyFile } from '../pem-keys.js';
import { ReplayGuard } from '../replay-guard.js';
import { alipayPayoutChannel } from './alipay-payout-channel.js';
import type { SandboxKeys } from '../sandbox/sandbox-keys.js';
import { SandboxPayoutLedger } from '../sandbox/sandbox-payout-ledger.js';
import { bankTransferPayoutChannel } from './bank-transfer-payout-channel.js';
import type { PayoutChannel, PayoutChannels } from './payout-channel.js';
import { sandboxPayoutChannel } from './sandbox-payout-channel.js';
import { wechatPayoutChannel } from './wechat-payout-channel.js';

/**
 * The payout channels this process runs: bank transfer always (an officer confirms it), the
 * sandbox when it is on, and each provider its configuration enables.
 */
export async function openPayoutChannels(config: Config, sandbox: SandboxKeys | null, now: () => Date, fetchImpl: typeof fetch = fetch): Promise<PayoutChannels> {
  const channels = new Map<PayoutChannelName, PayoutChannel>([['bank-transfer', bankTransferPayoutChannel]]);
  const { payments } = config;
  if (sandbox !== null) channels.set('sandbox', sandboxPayoutChannel({
      publicKey: sandbox.publicKey, publicUrl: payments.publicUrl, replayGuard: new ReplayGuard(now), ledger: SandboxPayoutLedger.inDataDir(config.dataDir), now,
    }));
  const { alipay, wechat } = payments;
  if (alipay) {
    channels.set('alipay', alipayPayoutChannel({
      config: alipay, privateKeyPem: await readFile(alipay.privateKeyFile, 'utf8'), alipayPublicKeyPem: await readFile(alipay.alipayPublicKeyFile, 'utf8'), now,
    }));
  }
  if (wechat?.transfer) {
    channels.set('wechat', wechatPayoutChannel({
      config: wechat, transfer: wechat.transfer, merchantKey: await privateKeyFile(wechat.privateKeyFile), platformKey: await publicKeyFile(wechat.platformPublicKeyFile),
      platformSerial: wechat.platformSerial ?? await certificateSerial(wechat.platformPublicKeyFile),
      notifyUrl: `${payments.publicUrl}/v1/payments/payout-notify/wechat`, replayGuard: new ReplayGuard(now), now, fetch: fetchImpl,
    }));
  }
  return channels;
}
