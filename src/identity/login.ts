import { AuthError, invalidCredentials } from './auth-error.js';
import { opaqueToken } from './digest.js';
import type { IdentityContext } from './identity-context.js';
import { ACCOUNT_THROTTLE, accountKey, ADDRESS_THROTTLE } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { startSession, type SessionTokens } from './session-tokens.js';
import { matchTotp, newTotpSecret } from './totp.js';
import type { User } from './users.js';

export interface LoginInput {
  login: string;
  password: string;
  /** Staff: the authenticator's current code. */
  totp?: string;
  /** Staff: one of the recovery codes, instead of `totp`. */
  recoveryCode?: string;
}

/** A staff member who has not enrolled TOTP yet gets this instead of tokens; see enrolTotp. */
export interface EnrolmentRequired {
  status: 'totp-enrolment-required';
  enrolmentToken: string;
  secret: string;
  otpauthUri: string;
  mustChangePassword: boolean;
}

/** An enrolment must be finished within 10 minutes of the login that started it. */
export const ENROLMENT_TTL_MS = 10 * 60_000;

let dummyHash: Promise<string> | null = null;
/** Verified against when there is no usable account, so every refusal costs one scrypt and looks alike. */
const dummyHashFor = (ctx: IdentityContext) => (dummyHash ??= hashPassword('no account has this password', ctx.passwordParams));

/**
 * Checks login and password under the failed-login throttle (per login name and per client
 * address): unknown login, wrong password, pending or disabled account, slowed down or locked all
 * throw the same 401 INVALID_CREDENTIALS. Staff also need a TOTP or recovery code (401
 * TOTP_REQUIRED once the password was right); staff without TOTP get an enrolment instead.
 */
export async function login(ctx: IdentityContext, input: LoginInput, address: string): Promise<SessionTokens | EnrolmentRequired> {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const attempt = reserveAttempt(ctx, input.login, address, now);
  const user = identity.users.byLogin(input.login);
  const usable = user !== null && user.status === 'active' && !attempt.blocked ? user : null;
  const passwordOk = await verifyPassword(input.password, usable?.passwordHash ?? (await dummyHashFor(ctx)));
  if (usable === null || !passwordOk) throw refuse(ctx, user, attempt, attempt.blocked ? 'blocked' : 'password');

  if (usable.kind === 'staff') {
    if (!usable.totpEnabled) return (attempt.giveBack(), offerEnrolment(ctx, usable));
    if (input.totp === undefined && input.recoveryCode === undefined) {
      attempt.giveBack();
      throw new AuthError('TOTP_REQUIRED', 'staff log in with the code of their authenticator app (totp) or a recovery code');
    }
    if (!(await secondFactorOk(ctx, usable, input, now))) throw refuse(ctx, usable, attempt, 'second factor');
  }
  attempt.succeeded();
  identity.securityLog.record({ type: 'login.succeeded', userId: usable.id, actor: usable.id, address, detail: null, occurredAt: now.toISOString() });
  return startSession(ctx, usable);
}

/** One login attempt, counted as a failure of its login name and address before any password is checked. */
interface Attempt {
  address: string;
  /** Either key was slowed down or locked already: the password is not checked. */
  blocked: boolean;
  lockedAccount: boolean;
  lockedAddress: boolean;
  /** The password was right but no session starts (enrolment, TOTP_REQUIRED): both counts are taken back. */
  giveBack(): void;
  /** A session starts: the account's counter is cleared, the address's failure taken back. */
  succeeded(): void;
}

function reserveAttempt(ctx: IdentityContext, login: string, address: string, now: Date): Attempt {
  const { throttle } = ctx.identity;
  const loginKey = accountKey(login);
  const addressKey = `ip:${address}`;
  const [account, client] = ctx.identity.transaction(() => [throttle.reserve(loginKey, ACCOUNT_THROTTLE, now), throttle.reserve(addressKey, ADDRESS_THROTTLE, now)]);
  const giveBackAddress = () => throttle.giveBack(addressKey, ADDRESS_THROTTLE);
  return {
    address, blocked: account.blocked || client.blocked, lockedAccount: account.locked, lockedAddress: client.locked,
    giveBack: () => ctx.identity.transaction(() => (throttle.giveBack(loginKey, ACCOUNT_THROTTLE), giveBackAddress())),
    succeeded: () => ctx.identity.transaction(() => (throttle.clear(loginKey), giveBackAddress())),
  };
}

/** The attempt's failure was counted when it started; this writes the security log and the uniform 401. */
function refuse(ctx: IdentityContext, user: User | null, attempt: Attempt, why: string): AuthError {
  const { identity } = ctx;
  const at = ctx.clock.now().toISOString();
  const { address } = attempt;
  identity.transaction(() => {
    identity.securityLog.record({ type: 'login.failed', userId: user?.id ?? null, actor: null, address, detail: user === null ? 'unknown login' : why, occurredAt: at });
    if (attempt.lockedAccount) identity.securityLog.record({ type: 'login.locked', userId: user?.id ?? null, actor: null, address, detail: user === null ? 'unknown login' : 'account', occurredAt: at });
    if (attempt.lockedAddress) identity.securityLog.record({ type: 'login.locked', userId: null, actor: null, address, detail: 'address', occurredAt: at });
  });
  return invalidCredentials();
}

async function secondFactorOk(ctx: IdentityContext, user: User, input: LoginInput, now: Date): Promise<boolean> {
  if (input.recoveryCode !== undefined) return ctx.identity.recoveryCodes.use(user.id, input.recoveryCode, now);
  if (input.totp === undefined || user.totpSecret === null) return false;
  const step = await matchTotp(user.totpSecret, input.totp, now, user.totpLastStep);
  // The step read with the user may be stale by now (another login with this code in flight): the claim decides.
  return step !== null && ctx.identity.users.claimTotpStep(user.id, step);
}

function offerEnrolment(ctx: IdentityContext, user: User): EnrolmentRequired {
  const now = ctx.clock.now();
  const { secret, otpauthUri } = newTotpSecret(user.login);
  const enrolmentToken = opaqueToken();
  ctx.identity.transaction(() => {
    ctx.identity.users.offerTotp(user.id, secret);
    ctx.identity.codes.issue(user.id, 'enrol', enrolmentToken, new Date(now.getTime() + ENROLMENT_TTL_MS));
  });
  return { status: 'totp-enrolment-required', enrolmentToken, secret, otpauthUri, mustChangePassword: user.mustChangePassword };
}
