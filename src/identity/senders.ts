import nodemailer from 'nodemailer';
import type { Sender } from './outbox-delivery.js';

/** Waits at most this long for the SMS gateway. */
const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * E-mail through nodemailer: `transport` is an SMTP URL (`smtps://user:pass@smtp.example.com`) or
 * nodemailer transport options (tests use `{ jsonTransport: true }`).
 */
export function emailSender(transport: string | Parameters<typeof nodemailer.createTransport>[0], from: string): Sender {
  const mailer = nodemailer.createTransport(transport);
  return async (message) => {
    await mailer.sendMail({ from, to: message.recipient, subject: message.subject, text: message.body });
  };
}

/**
 * SMS through an HTTP webhook (the lender's SMS gateway or a relay to Aliyun/Tencent SMS): POST
 * `{to, subject, text, messageId}` as JSON; any 2xx is delivered, anything else is retried.
 */
export function smsWebhookSender(url: string, authorization?: string): Sender {
  return async (message) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ to: message.recipient, subject: message.subject, text: message.body, messageId: message.id }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`SMS webhook answered ${response.status}`);
  };
}
