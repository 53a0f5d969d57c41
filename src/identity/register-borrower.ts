import { uuidv7 } from '../eventstore/uuidv7.js';
import { sixDigitCode } from './digest.js';
import type { IdentityContext } from './identity-context.js';
import type { OutboxChannel } from './outbox.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword } from './passwords.js';
import { normaliseLogin } from './users.js';

/** A code is good for 15 minutes. */
export const CODE_TTL_MS = 15 * 60_000;

export type RegistrationInput = { phone: string; email?: undefined; password: string } | { email: string; phone?: undefined; password: string };

/** The same answer whether or not the login was free, so registration cannot probe for accounts. */
export interface RegistrationAnswer {
  status: 'code-sent';
  channel: OutboxChannel;
}

/**
 * Starts a borrower account: a pending user (password hashed with scrypt) and a one-time code in
 * the outbox, in one transaction. An existing active account gets a notice instead of a code; a
 * pending one gets a new code and the new password, unless it spent its wrong tries or codes in the
 * window its first code opened (OneTimeCodes.issueToSend): then nothing changes and nothing is sent,
 * with the same answer. 422 WEAK_PASSWORD for a guessable password.
 */
export async function registerBorrower(ctx: IdentityContext, input: RegistrationInput, address: string): Promise<RegistrationAnswer> {
  const channel: OutboxChannel = input.phone !== undefined ? 'sms' : 'email';
  const recipient = normaliseLogin(input.phone ?? input.email);
  await assertStrongPassword(input.password, [recipient]);
  const passwordHash = await hashPassword(input.password, ctx.passwordParams);
  const now = ctx.clock.now();
  const code = sixDigitCode();
  const { identity } = ctx;
  identity.transaction(() => {
    const existing = identity.users.byLogin(recipient);
    if (existing !== null && existing.status !== 'pending') {
      identity.outbox.enqueue({ channel, recipient, subject: 'Registration attempt', body: 'Someone tried to register a lendcore account with this address, which already has one. If it was you, log in or reset your password.', createdAt: now.toISOString() });
      return;
    }
    const userId = existing?.id ?? uuidv7(now.getTime());
    if (existing === null) {
      identity.users.insert({ id: userId, login: recipient, kind: 'borrower', role: 'borrower', passwordHash, status: 'pending', customerId: uuidv7(now.getTime()), mustChangePassword: false, createdAt: now.toISOString() });
      identity.securityLog.record({ type: 'account.registered', userId, actor: userId, address, detail: channel, occurredAt: now.toISOString() });
    }
    // The login spent its tries or codes for now: nothing changes and nothing is sent.
    if (!identity.codes.issueToSend(userId, 'verify', code, new Date(now.getTime() + CODE_TTL_MS), now)) return;
    if (existing !== null) identity.users.setPassword(userId, passwordHash, false);
    identity.outbox.enqueue({ channel, recipient, subject: 'Your lendcore verification code', body: `Your verification code is ${code}. It expires in 15 minutes.`, createdAt: now.toISOString() });
  });
  return { status: 'code-sent', channel };
}
