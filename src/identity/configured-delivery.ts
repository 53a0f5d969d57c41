import type { Config } from '../config/config.js';
import type { IdentityStore } from './identity-store.js';
import { OutboxDelivery, type Sender } from './outbox-delivery.js';
import type { OutboxChannel } from './outbox.js';
import { emailSender, smsWebhookSender } from './senders.js';

/** How often the server looks for due outbox messages. */
export const DELIVERY_INTERVAL_MS = 5_000;

/** The delivery worker for the configured channels, or null when none is configured (the outbox is then the local mailbox). */
export function configuredDelivery(config: Config, identity: IdentityStore, clock: { now(): Date }): OutboxDelivery | null {
  const { smtpUrl, mailFrom, smsWebhookUrl, smsWebhookAuthorization } = config.delivery;
  const senders: Partial<Record<OutboxChannel, Sender>> = {
    ...(smtpUrl === null ? {} : { email: emailSender(smtpUrl, mailFrom) }),
    ...(smsWebhookUrl === null ? {} : { sms: smsWebhookSender(smsWebhookUrl, smsWebhookAuthorization ?? undefined) }),
  };
  return Object.keys(senders).length === 0 ? null : new OutboxDelivery(identity.outbox, senders, clock);
}
