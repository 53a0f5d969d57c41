import { randomBytes } from 'node:crypto';
import type { TokenRole } from '../api/auth/token.js';
import { DomainError } from '../domain/errors.js';
import { uuidv7 } from '../eventstore/uuidv7.js';
import type { AccountContext } from './identity-context.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword } from './passwords.js';
import { revokeAllSessions } from './revoke-sessions.js';
import { maskedContact, type StaffContact } from './staff-contacts.js';
import { normaliseLogin, type User, type UserStatus } from './users.js';

export const STAFF_ROLES = ['officer', 'underwriter', 'compliance', 'admin'] as const satisfies readonly TokenRole[];
export type StaffRole = (typeof STAFF_ROLES)[number];
/**
 * Segregation of duties: an administrator configures the system and never holds a role that moves
 * money (officer, underwriter) or decides KYC and erasure (compliance). It cannot give itself one,
 * and it never learns the password of an account it creates or resets: the one-time password goes
 * through the outbox to the person's own contact.
 */

/** A staff account as administrators see it (no hashes, no secrets). */
export interface StaffView {
  id: string;
  username: string;
  role: TokenRole;
  status: UserStatus;
  totpEnrolled: boolean;
  mustChangePassword: boolean;
  /** Masked: where one-time passwords go; null for an account made on the command line. */
  contact: string | null;
  createdAt: string;
}

/** The account as administrators see it, with its contact masked. */
export function staffView(ctx: AccountContext, u: User): StaffView {
  const contact = ctx.identity.staffContacts.of(u.id);
  return {
    id: u.id, username: u.login, role: u.role, status: u.status, totpEnrolled: u.totpEnabled, mustChangePassword: u.mustChangePassword,
    contact: contact === null ? null : maskedContact(contact), createdAt: u.createdAt,
  };
}

/** 24 random characters (144 bits): a one-time password, changed at first login. */
export function temporaryPassword(): string {
  return randomBytes(18).toString('base64url');
}

const notFound = (id: string) => new DomainError('USER_NOT_FOUND', `No staff account ${id}`, 'not_found');

function staffById(ctx: AccountContext, id: string): User {
  const user = ctx.identity.users.byId(id);
  if (user === null || user.kind !== 'staff') throw notFound(id);
  return user;
}

/**
 * Creates a staff account that must set its password and enrol TOTP at first login. With a
 * `contact` (the API always gives one) the generated one-time password is sent there through the
 * outbox, in the transaction that creates the account, and not returned; without one (the command
 * line bootstrapping the first administrator) it is returned, or `password` is used.
 * 409 USERNAME_TAKEN or CONTACT_TAKEN; 400 INVALID_USERNAME; 422 WEAK_PASSWORD.
 */
export async function createStaff(
  ctx: AccountContext, input: { username: string; role: StaffRole; password?: string; contact?: StaffContact }, actor: string,
): Promise<{ account: StaffView; temporaryPassword: string | null }> {
  const username = normaliseLogin(input.username);
  if (!/^[a-z][a-z0-9._-]{1,63}$/.test(username)) throw new DomainError('INVALID_USERNAME', 'A username is 2–64 letters, digits, . _ - starting with a letter', 'invalid');
  const password = input.password ?? temporaryPassword();
  if (input.password !== undefined) await assertStrongPassword(password, [username]);
  const passwordHash = await hashPassword(password, ctx.passwordParams);
  const now = ctx.clock.now().toISOString();
  const id = uuidv7(ctx.clock.now().getTime());
  const { identity } = ctx;
  const { contact } = input;
  identity.transaction(() => {
    if (identity.users.byLogin(username) !== null) throw new DomainError('USERNAME_TAKEN', `The username ${username} is taken`, 'conflict');
    if (contact !== undefined && identity.staffContacts.holder(contact.address) !== null) {
      throw new DomainError('CONTACT_TAKEN', 'Another staff account already has this contact: one-time passwords must reach one person only', 'conflict');
    }
    identity.users.insert({ id, login: username, kind: 'staff', role: input.role, passwordHash, status: 'active', customerId: null, mustChangePassword: true, createdAt: now });
    if (contact !== undefined) {
      identity.staffContacts.set(id, contact);
      sendOneTimePassword(ctx, contact, username, password, 'created');
    }
    const delivered = contact === undefined ? '' : `; one-time password sent to ${maskedContact(contact)}`;
    identity.securityLog.record({ type: 'user.created', userId: id, actor, address: null, detail: `role ${input.role}${delivered}`, occurredAt: now });
  });
  return { account: staffView(ctx, staffById(ctx, id)), temporaryPassword: contact === undefined ? password : null };
}

/** Queues the one-time password for the account's owner (inside the caller's transaction). */
function sendOneTimePassword(ctx: AccountContext, contact: StaffContact, username: string, password: string, why: 'created' | 'reset'): void {
  ctx.identity.outbox.enqueue({
    channel: contact.channel, recipient: contact.address, subject: 'Your lendcore staff sign-in',
    body: `Your lendcore staff account ${username} was ${why}. One-time password: ${password} — sign in with it, then set your own password and enrol your authenticator app. If you did not expect this, tell your security officer.`,
    createdAt: ctx.clock.now().toISOString(),
  });
}

/**
 * Changes a staff member's role and ends their sessions (tokens carry the old role). An
 * administrator may not give itself officer, underwriter or compliance (422 SELF_GRANT_REFUSED).
 */
export function setStaffRole(ctx: AccountContext, id: string, role: StaffRole, actor: string): StaffView {
  const user = staffById(ctx, id);
  if (id === actor && role !== user.role) {
    throw new DomainError('SELF_GRANT_REFUSED', 'An administrator cannot give itself another role: officer and underwriter move money, compliance decides KYC and erasure', 'rule');
  }
  if (user.role !== role) {
    ctx.identity.users.setRole(id, role);
    ctx.identity.securityLog.record({ type: 'role.changed', userId: id, actor, address: null, detail: `${user.role} → ${role}`, occurredAt: ctx.clock.now().toISOString() });
    revokeAllSessions(ctx, id, actor, 'role changed');
  }
  return staffView(ctx, staffById(ctx, id));
}

/** Disables (ending every session) or re-enables an account; an administrator cannot disable itself (422 SELF_DISABLE_REFUSED). */
export function setStaffEnabled(ctx: AccountContext, id: string, enabled: boolean, actor: string): StaffView {
  staffById(ctx, id);
  if (!enabled && id === actor) throw new DomainError('SELF_DISABLE_REFUSED', 'An administrator cannot disable its own account', 'rule');
  ctx.identity.users.setStatus(id, enabled ? 'active' : 'disabled');
  ctx.identity.securityLog.record({ type: enabled ? 'user.enabled' : 'user.disabled', userId: id, actor, address: null, detail: null, occurredAt: ctx.clock.now().toISOString() });
  if (!enabled) revokeAllSessions(ctx, id, actor, 'account disabled');
  return staffView(ctx, staffById(ctx, id));
}

/**
 * A lost password or authenticator: a new one-time password sent to the account's own contact
 * (never to the administrator), TOTP to enrol again, every session ended. 422 STAFF_CONTACT_MISSING
 * for an account made on the command line without a contact.
 */
export async function resetStaff(ctx: AccountContext, id: string, actor: string): Promise<StaffView> {
  const user = staffById(ctx, id);
  const contact = ctx.identity.staffContacts.of(id);
  if (contact === null) throw new DomainError('STAFF_CONTACT_MISSING', `${user.login} has no contact to send a one-time password to; create a new account for the person`, 'rule');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password, ctx.passwordParams);
  ctx.identity.transaction(() => {
    ctx.identity.users.setPassword(id, passwordHash, true);
    ctx.identity.users.offerTotp(id, null);
    sendOneTimePassword(ctx, contact, user.login, password, 'reset');
    ctx.identity.securityLog.record({ type: 'password.reset', userId: id, actor, address: null, detail: `by administrator; one-time password sent to ${maskedContact(contact)}; TOTP to enrol again`, occurredAt: ctx.clock.now().toISOString() });
  });
  revokeAllSessions(ctx, id, actor, 'account reset');
  return staffView(ctx, staffById(ctx, id));
}
