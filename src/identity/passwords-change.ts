import { DomainError } from '../domain/errors.js';
import { invalidCredentials } from './auth-error.js';
import { sixDigitCode } from './digest.js';
import type { IdentityContext } from './identity-context.js';
import { ACCOUNT_THROTTLE, accountKey } from './login-throttle.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { CODE_TTL_MS } from './register-borrower.js';

/**
 * The signed-in user changes its own password: the current one must be right (a wrong one counts
 * as a failed login), the new one strong; every other session ends. 404 USER_NOT_FOUND for a token
 * that names no account (a locally minted one), 401 INVALID_CREDENTIALS, 422 WEAK_PASSWORD.
 */
export async function changePassword(ctx: IdentityContext, userId: string, sessionId: string | null, input: { currentPassword: string; newPassword: string }, address: string): Promise<void> {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const user = identity.users.byId(userId);
  if (user === null || user.status !== 'active') throw new DomainError('USER_NOT_FOUND', 'This token names no account whose password can change', 'not_found');
  const key = accountKey(user.login);
  // Counted before the check, as at login, so changes in flight together cannot outrun the throttle.
  const { blocked } = identity.throttle.reserve(key, ACCOUNT_THROTTLE, now);
  if (blocked || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    identity.securityLog.record({ type: 'login.failed', userId, actor: userId, address, detail: 'password change', occurredAt: now.toISOString() });
    throw invalidCredentials();
  }
  identity.throttle.giveBack(key, ACCOUNT_THROTTLE);
  await assertStrongPassword(input.newPassword, [user.login]);
  const passwordHash = await hashPassword(input.newPassword, ctx.passwordParams);
  const ended = identity.transaction(() => {
    identity.users.setPassword(userId, passwordHash, false);
    identity.securityLog.record({ type: 'password.changed', userId, actor: userId, address, detail: null, occurredAt: now.toISOString() });
    // The session that changed the password stays; every other one (a thief's, perhaps) ends.
    return identity.sessions.revokeAllOf(userId, 'password changed', now, sessionId);
  });
  identity.activeSessions.forget(ended);
}

/**
 * Sends a borrower a one-time reset code (outbox, same transaction). Answers the same whether or
 * not the login exists; staff are reset by an administrator (their second factor stays theirs).
 * Sends nothing once the login spent its wrong tries or codes in the window its first code opened
 * (OneTimeCodes.issueToSend), so asking again never buys more guesses.
 */
export function requestPasswordReset(ctx: IdentityContext, login: string, address: string): void {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const user = identity.users.byLogin(login);
  if (user === null || user.kind !== 'borrower' || user.status !== 'active') return;
  const code = sixDigitCode();
  identity.transaction(() => {
    if (!identity.codes.issueToSend(user.id, 'reset', code, new Date(now.getTime() + CODE_TTL_MS), now)) {
      identity.securityLog.record({ type: 'password.reset', userId: user.id, actor: null, address, detail: 'code withheld: tries or codes spent', occurredAt: now.toISOString() });
      return;
    }
    identity.outbox.enqueue({
      channel: /^\+?\d+$/.test(user.login) ? 'sms' : 'email', recipient: user.login, subject: 'Your lendcore password reset code',
      body: `Your password reset code is ${code}. It expires in 15 minutes. If you did not ask for it, ignore this message.`, createdAt: now.toISOString(),
    });
    identity.securityLog.record({ type: 'password.reset', userId: user.id, actor: null, address, detail: 'code requested', occurredAt: now.toISOString() });
  });
}

/** Sets a new password with the reset code; ends every session and lifts a lockout. 422 INVALID_CODE or WEAK_PASSWORD. */
export async function resetPassword(ctx: IdentityContext, input: { login: string; code: string; newPassword: string }, address: string): Promise<void> {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const user = identity.users.byLogin(input.login);
  if (user === null || user.kind !== 'borrower' || user.status !== 'active' || !identity.codes.check(user.id, 'reset', input.code, now)) {
    throw new DomainError('INVALID_CODE', 'The code is wrong, used or expired; ask for a new one', 'rule');
  }
  await assertStrongPassword(input.newPassword, [user.login]);
  const passwordHash = await hashPassword(input.newPassword, ctx.passwordParams);
  const ended = identity.transaction(() => {
    identity.users.setPassword(user.id, passwordHash, false);
    identity.codes.consume(user.id, 'reset');
    identity.throttle.clear(accountKey(user.login));
    identity.securityLog.record({ type: 'password.reset', userId: user.id, actor: user.id, address, detail: 'by code', occurredAt: now.toISOString() });
    return identity.sessions.revokeAllOf(user.id, 'password reset', now);
  });
  identity.activeSessions.forget(ended);
}
