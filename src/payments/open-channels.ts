import type { Config } from '../config/config.js';
import type { IntentChannel } from '../domain/payment/events.js';
import { readFile } from 'node:fs/promises';
import { alipayChannel } from './alipay/alipay-channel.js';
import type { PaymentChannel, PaymentChannels } from './channel.js';
import { privateKeyFile, publicKeyFile } from './pem-keys.js';
import { ReplayGuard } from './replay-guard.js';
import { sandboxChannel } from './sandbox/sandbox-channel.js';
import { sandboxKeys, type SandboxKeys } from './sandbox/sandbox-keys.js';
import { wechatChannel } from './wechat/wechat-channel.js';

export interface OpenedChannels {
  channels: PaymentChannels;
  /** The sandbox gateway's keys when the sandbox is on (its page signs with the private key). */
  sandbox: SandboxKeys | null;
}

/**
 * Opens every configured channel (reading key files); a provider without configuration stays off.
 * `fetchImpl` is how channels reach providers (orders only; notifications come in over HTTP).
 */
export async function openPaymentChannels(config: Config, now: () => Date, fetchImpl: typeof fetch = fetch): Promise<OpenedChannels> {
  const channels = new Map<IntentChannel, PaymentChannel>();
  const { payments } = config;
  let sandbox: SandboxKeys | null = null;
  if (payments.sandbox) {
    sandbox = await sandboxKeys(config.dataDir);
    channels.set('sandbox', sandboxChannel({ publicKey: sandbox.publicKey, publicUrl: payments.publicUrl, replayGuard: new ReplayGuard(now) }));
  }
  const notifyUrl = (channel: IntentChannel) => `${payments.publicUrl}/v1/payments/notify/${channel}`;
  if (payments.wechat) {
    channels.set('wechat', wechatChannel({
      config: payments.wechat, merchantKey: await privateKeyFile(payments.wechat.privateKeyFile), platformKey: await publicKeyFile(payments.wechat.platformPublicKeyFile),
      notifyUrl: notifyUrl('wechat'), replayGuard: new ReplayGuard(now), now, fetch: fetchImpl,
    }));
  }
  if (payments.alipay) {
    channels.set('alipay', alipayChannel({
      config: payments.alipay, privateKeyPem: await readFile(payments.alipay.privateKeyFile, 'utf8'),
      alipayPublicKeyPem: await readFile(payments.alipay.alipayPublicKeyFile, 'utf8'), notifyUrl: notifyUrl('alipay'), now,
    }));
  }
  return { channels, sandbox };
}
