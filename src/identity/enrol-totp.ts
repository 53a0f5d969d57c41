import { DomainError } from '../domain/errors.js';
import { AuthError } from './auth-error.js';
import type { IdentityContext } from './identity-context.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword } from './passwords.js';
import { startSession, type SessionTokens } from './session-tokens.js';
import { matchTotp } from './totp.js';

export interface EnrolmentInput {
  login: string;
  enrolmentToken: string;
  /** The code the authenticator app shows for the offered secret. */
  code: string;
  /** Required when the account still has the password an administrator set. */
  newPassword?: string;
}

const badEnrolment = () => new AuthError('INVALID_CODE', 'the enrolment token or authenticator code is wrong or expired; log in again to restart enrolment');

/**
 * Finishes a staff member's first login: confirms the authenticator with a code, sets the new
 * password when the account was created or reset by an administrator, and answers the session's
 * tokens plus ten recovery codes (shown once). 401 INVALID_CODE, 422 PASSWORD_CHANGE_REQUIRED or WEAK_PASSWORD.
 */
export async function enrolTotp(ctx: IdentityContext, input: EnrolmentInput, address: string): Promise<SessionTokens & { recoveryCodes: string[] }> {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const user = identity.users.byLogin(input.login);
  if (user === null || user.kind !== 'staff' || user.status !== 'active' || user.totpSecret === null || user.totpEnabled) throw badEnrolment();
  if (!identity.codes.check(user.id, 'enrol', input.enrolmentToken, now)) throw badEnrolment();
  if (user.mustChangePassword && input.newPassword === undefined) throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Set a new password (newPassword) with the first login', 'rule');
  const step = await matchTotp(user.totpSecret, input.code, now, null);
  if (step === null) throw badEnrolment();
  let passwordHash: string | null = null;
  if (input.newPassword !== undefined) {
    await assertStrongPassword(input.newPassword, [user.login]);
    passwordHash = await hashPassword(input.newPassword, ctx.passwordParams);
  }
  const recoveryCodes = identity.transaction(() => {
    identity.users.enableTotp(user.id, step);
    if (passwordHash !== null) identity.users.setPassword(user.id, passwordHash, false);
    identity.codes.consume(user.id, 'enrol');
    identity.securityLog.record({ type: 'totp.enrolled', userId: user.id, actor: user.id, address, detail: null, occurredAt: now.toISOString() });
    if (passwordHash !== null) identity.securityLog.record({ type: 'password.changed', userId: user.id, actor: user.id, address, detail: 'first login', occurredAt: now.toISOString() });
    return identity.recoveryCodes.replace(user.id);
  });
  identity.securityLog.record({ type: 'login.succeeded', userId: user.id, actor: user.id, address, detail: 'totp enrolment', occurredAt: now.toISOString() });
  const enrolled = identity.users.byId(user.id);
  if (enrolled === null) throw badEnrolment();
  return { ...(await startSession(ctx, enrolled)), recoveryCodes };
}
