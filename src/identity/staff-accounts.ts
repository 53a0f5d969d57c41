import { randomBytes } from 'node:crypto';
import type { TokenRole } from '../api/auth/token.js';
import { DomainError } from '../domain/errors.js';
import { uuidv7 } from '../eventstore/uuidv7.js';
import type { AccountContext } from './identity-context.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword } from './passwords.js';
import { revokeAllSessions } from './revoke-sessions.js';
import { normaliseLogin, type User, type UserStatus } from './users.js';

export const STAFF_ROLES = ['officer', 'underwriter', 'compliance', 'admin'] as const satisfies readonly TokenRole[];
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Roles that move money (disburse, approve, repay for a borrower): an administrator never hands one to itself. */
export const MONEY_MOVING_ROLES: readonly StaffRole[] = ['officer', 'underwriter'];

/** A staff account as administrators see it (no hashes, no secrets). */
export interface StaffView {
  id: string;
  username: string;
  role: TokenRole;
  status: UserStatus;
  totpEnrolled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export const staffView = (u: User): StaffView => ({
  id: u.id, username: u.login, role: u.role, status: u.status, totpEnrolled: u.totpEnabled, mustChangePassword: u.mustChangePassword, createdAt: u.createdAt,
});

/** 24 random characters (144 bits): the one-time password an administrator hands over. */
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
 * Creates a staff account that must set its password and enrol TOTP at first login. Without
 * `password` a temporary one is generated and returned (shown once). 409 USERNAME_TAKEN; 400 INVALID_USERNAME.
 */
export async function createStaff(ctx: AccountContext, input: { username: string; role: StaffRole; password?: string }, actor: string): Promise<StaffView & { temporaryPassword?: string }> {
  const username = normaliseLogin(input.username);
  if (!/^[a-z][a-z0-9._-]{1,63}$/.test(username)) throw new DomainError('INVALID_USERNAME', 'A username is 2–64 letters, digits, . _ - starting with a letter', 'invalid');
  const generated = input.password === undefined ? temporaryPassword() : undefined;
  const password = input.password ?? (generated as string);
  if (input.password !== undefined) await assertStrongPassword(password, [username]);
  const passwordHash = await hashPassword(password, ctx.passwordParams);
  const now = ctx.clock.now().toISOString();
  const id = uuidv7(ctx.clock.now().getTime());
  const { identity } = ctx;
  identity.transaction(() => {
    if (identity.users.byLogin(username) !== null) throw new DomainError('USERNAME_TAKEN', `The username ${username} is taken`, 'conflict');
    identity.users.insert({ id, login: username, kind: 'staff', role: input.role, passwordHash, status: 'active', customerId: null, mustChangePassword: true, createdAt: now });
    identity.securityLog.record({ type: 'user.created', userId: id, actor, address: null, detail: `role ${input.role}`, occurredAt: now });
  });
  return { ...staffView(staffById(ctx, id)), ...(generated === undefined ? {} : { temporaryPassword: generated }) };
}

/**
 * Changes a staff member's role and ends their sessions (tokens carry the old role). An
 * administrator may not give itself a money-moving role (422 SELF_GRANT_REFUSED).
 */
export function setStaffRole(ctx: AccountContext, id: string, role: StaffRole, actor: string): StaffView {
  const user = staffById(ctx, id);
  if (id === actor && (MONEY_MOVING_ROLES as readonly string[]).includes(role)) {
    throw new DomainError('SELF_GRANT_REFUSED', 'An administrator cannot give itself a role that moves money', 'rule');
  }
  if (user.role !== role) {
    ctx.identity.users.setRole(id, role);
    ctx.identity.securityLog.record({ type: 'role.changed', userId: id, actor, address: null, detail: `${user.role} → ${role}`, occurredAt: ctx.clock.now().toISOString() });
    revokeAllSessions(ctx, id, actor, 'role changed');
  }
  return staffView(staffById(ctx, id));
}

/** Disables (ending every session) or re-enables an account; an administrator cannot disable itself (422 SELF_DISABLE_REFUSED). */
export function setStaffEnabled(ctx: AccountContext, id: string, enabled: boolean, actor: string): StaffView {
  staffById(ctx, id);
  if (!enabled && id === actor) throw new DomainError('SELF_DISABLE_REFUSED', 'An administrator cannot disable its own account', 'rule');
  ctx.identity.users.setStatus(id, enabled ? 'active' : 'disabled');
  ctx.identity.securityLog.record({ type: enabled ? 'user.enabled' : 'user.disabled', userId: id, actor, address: null, detail: null, occurredAt: ctx.clock.now().toISOString() });
  if (!enabled) revokeAllSessions(ctx, id, actor, 'account disabled');
  return staffView(staffById(ctx, id));
}

/** A lost password or authenticator: new temporary password, TOTP to enrol again, every session ended. */
export async function resetStaff(ctx: AccountContext, id: string, actor: string): Promise<StaffView & { temporaryPassword: string }> {
  staffById(ctx, id);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password, ctx.passwordParams);
  ctx.identity.transaction(() => {
    ctx.identity.users.setPassword(id, passwordHash, true);
    ctx.identity.users.offerTotp(id, null);
    ctx.identity.securityLog.record({ type: 'password.reset', userId: id, actor, address: null, detail: 'by administrator; TOTP to enrol again', occurredAt: ctx.clock.now().toISOString() });
  });
  revokeAllSessions(ctx, id, actor, 'account reset');
  return { ...staffView(staffById(ctx, id)), temporaryPassword: password };
}
