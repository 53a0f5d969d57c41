import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { configuredDelivery } from '../../src/identity/configured-delivery.js';
import { IdentityStore } from '../../src/identity/identity-store.js';
import { MAX_ATTEMPTS, OutboxDelivery, retryDelayMs } from '../../src/identity/outbox-delivery.js';
import { emailSender, smsWebhookSender } from '../../src/identity/senders.js';

const dir = mkdtempSync(`${tmpdir()}/outbox-`);
const identity = IdentityStore.open(dir);
let now = new Date('2026-03-01T10:00:00Z');
const clock = { now: () => now };
const later = (ms: number) => (now = new Date(now.getTime() + ms));

/** An SMS gateway on 127.0.0.1 that refuses the first `failures` calls with 503. */
let gateway: Server;
let gatewayUrl: string;
let failures = 1;
const received: { body: Record<string, unknown>; authorization: string | undefined }[] = [];
beforeAll(async () => {
  gateway = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      if (failures > 0) {
        failures--;
        response.statusCode = 503;
      } else {
        received.push({ body: JSON.parse(text) as Record<string, unknown>, authorization: request.headers.authorization });
      }
      response.end();
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  await new Promise((resolve) => gateway.close(resolve));
  identity.close();
  rmSync(dir, { recursive: true, force: true });
});

const enqueue = (channel: 'sms' | 'email', recipient: string) =>
  identity.outbox.enqueue({ channel, recipient, subject: 'Your lendcore verification code', body: 'Your verification code is 123456.', createdAt: now.toISOString() });

describe('outbox delivery', () => {
  it('posts SMS to the webhook, retries a refusal after a delay, and marks the message delivered', async () => {
    enqueue('sms', '13812341234');
    const delivery = new OutboxDelivery(identity.outbox, { sms: smsWebhookSender(gatewayUrl, 'Bearer gateway-key') }, clock);
    expect(await delivery.deliverDue()).toBe(0);
    expect(identity.outbox.list({ recipient: '13812341234' })[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMS webhook answered 503' });
    expect(await delivery.deliverDue()).toBe(0); // not due again yet
    later(retryDelayMs(0));
    expect(await delivery.deliverDue()).toBe(1);
    expect(identity.outbox.list({ recipient: '13812341234' })[0]).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
    expect(received).toEqual([{ body: expect.objectContaining({ to: '13812341234', text: 'Your verification code is 123456.' }), authorization: 'Bearer gateway-key' }]);
  });

  it('sends e-mail through nodemailer, and leaves channels without a sender in the mailbox', async () => {
    enqueue('email', 'zhang.san@example.com');
    enqueue('sms', '13900000000');
    const sent: string[] = [];
    const mail = emailSender({ jsonTransport: true }, 'lendcore <no-reply@example.com>');
    const delivery = new OutboxDelivery(identity.outbox, { email: async (m) => (await mail(m), sent.push(m.recipient), undefined) }, clock);
    expect(await delivery.deliverDue()).toBe(1);
    expect(sent).toEqual(['zhang.san@example.com']);
    expect(identity.outbox.list({ recipient: '13900000000' })[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, async () => {
    enqueue('sms', '13700000000');
    const delivery = new OutboxDelivery(identity.outbox, { sms: () => Promise.reject(new Error('gateway down')) }, clock);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await delivery.deliverDue();
      later(retryDelayMs(i));
    }
    expect(identity.outbox.list({ recipient: '13700000000' })[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'gateway down' });
  });
});

describe('configured delivery', () => {
  it('runs only for configured channels; with none the outbox stays the local mailbox', () => {
    expect(configuredDelivery(loadConfig({}), identity, clock)).toBeNull();
    expect(configuredDelivery(loadConfig({ LENDCORE_SMS_WEBHOOK_URL: gatewayUrl }), identity, clock)).not.toBeNull();
    expect(configuredDelivery(loadConfig({ LENDCORE_SMTP_URL: 'smtp://mailer:secret@127.0.0.1:2525' }), identity, clock)).not.toBeNull();
  });

  it('never echoes a bad SMTP URL, which holds a password', () => {
    try {
      loadConfig({ LENDCORE_SMTP_URL: 'mailer:secret@host' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
