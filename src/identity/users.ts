import type Database from 'better-sqlite3';
import type { TokenRole } from '../api/auth/token.js';
import { legacyMobileDigits, nationalMobile } from '../domain/customer/mainland-mobile.js';

export type UserKind = 'borrower' | 'staff';
export type UserStatus = 'pending' | 'active' | 'disabled';

/** An account as stored; `login` is normalised (see normaliseLogin), `id` is the token's `sub`. */
export interface User {
  id: string;
  login: string;
  kind: UserKind;
  role: TokenRole;
  passwordHash: string;
  status: UserStatus;
  customerId: string | null;
  mustChangePassword: boolean;
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  createdAt: string;
}

interface UserRow {
  id: string;
  login: string;
  kind: UserKind;
  role: TokenRole;
  password_hash: string;
  status: UserStatus;
  customer_id: string | null;
  must_change_password: number;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  created_at: string;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  login: row.login,
  kind: row.kind,
  role: row.role,
  passwordHash: row.password_hash,
  status: row.status,
  customerId: row.customer_id,
  mustChangePassword: row.must_change_password === 1,
  totpSecret: row.totp_secret,
  totpEnabled: row.totp_enabled === 1,
  totpLastStep: row.totp_last_step,
  createdAt: row.created_at,
});

/**
 * One spelling per person: e-mail and staff names lower-cased (NFKC, so full-width letters fold
 * too), a mainland mobile in its 11-digit national form (`+86 138…`, `86138…` and `138…` are one
 * login), other phones reduced to digits and a leading +. `Ulf` and `ulf` are the same login.
 */
export function normaliseLogin(login: string): string {
  const text = login.normalize('NFKC').trim();
  const mobile = nationalMobile(text);
  if (mobile !== null) return mobile;
  if (/^\+?[0-9 ()-]{5,24}$/.test(text)) return text.replace(/[^\d+]/g, '');
  return text.toLowerCase();
}

/**
 * Every spelling `login` may be stored or keyed under: its normalised form and, for a mainland
 * mobile, the ones normaliseLogin kept before the national form (`+86…`, `86…`, `0086…`).
 */
export function loginSpellings(login: string): string[] {
  const key = normaliseLogin(login);
  return nationalMobile(key) === null ? [key] : [key, `+86${key}`, ...legacyMobileDigits(key)];
}

/** Accounts in the identity file. Synchronous better-sqlite3 calls: each is its own transaction. */
export class UserStore {
  constructor(private readonly db: Database.Database) {}

  insert(user: Omit<User, 'totpSecret' | 'totpEnabled' | 'totpLastStep'>): void {
    this.db
      .prepare(`INSERT INTO users (id, login, kind, role, password_hash, status, customer_id, must_change_password, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(user.id, user.login, user.kind, user.role, user.passwordHash, user.status, user.customerId, user.mustChangePassword ? 1 : 0, user.createdAt);
  }

  /**
   * The account of a login however it is spelled. A mobile is looked up in its national form
   * first, then in the spellings logins were stored in before it had one (`+86…`, `86…`, `0086…`).
   */
  byLogin(login: string): User | null {
    for (const candidate of loginSpellings(login)) {
      const row = this.db.prepare('SELECT * FROM users WHERE login = ?').get(candidate) as UserRow | undefined;
      if (row) return toUser(row);
    }
    return null;
  }

  byCustomerId(customerId: string): User | null {
    const row = this.db.prepare('SELECT * FROM users WHERE customer_id = ?').get(customerId) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** Replaces the login (a phone or e-mail) with a placeholder and disables the account: nothing personal stays. */
  anonymise(id: string): void {
    this.db.prepare("UPDATE users SET login = ?, status = 'disabled', password_hash = '', totp_secret = NULL, totp_enabled = 0 WHERE id = ?").run(`erased:${id}`, id);
  }

  byId(id: string): User | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** Staff accounts first by login; borrowers are many and are found through their customer. */
  list(kind: UserKind): User[] {
    return (this.db.prepare('SELECT * FROM users WHERE kind = ? ORDER BY login').all(kind) as UserRow[]).map(toUser);
  }

  count(kind: UserKind): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users WHERE kind = ?').get(kind) as { n: number }).n;
  }

  /**
   * Activates a pending account only while its password is still `passwordHash`, the one its
   * verification checked: false when a registration since has replaced it (or it is no longer pending).
   */
  activatePending(id: string, customerId: string | null, passwordHash: string): boolean {
    return this.db
      .prepare("UPDATE users SET status = 'active', customer_id = COALESCE(?, customer_id) WHERE id = ? AND status = 'pending' AND password_hash = ?")
      .run(customerId, id, passwordHash).changes === 1;
  }

  setStatus(id: string, status: UserStatus): void {
    this.db.prepare('UPDATE users SET status = ? WHERE id = ?').run(status, id);
  }

  setRole(id: string, role: TokenRole): void {
    this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id);
  }

  setPassword(id: string, passwordHash: string, mustChange: boolean): void {
    this.db.prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?').run(passwordHash, mustChange ? 1 : 0, id);
  }

  /** A secret offered at enrolment; it counts only once `enableTotp` confirms a code made from it. */
  offerTotp(id: string, secret: string | null): void {
    this.db.prepare('UPDATE users SET totp_secret = ?, totp_enabled = 0 WHERE id = ?').run(secret, id);
  }

  enableTotp(id: string, step: number): void {
    this.db.prepare('UPDATE users SET totp_enabled = 1, totp_last_step = ? WHERE id = ?').run(step, id);
  }

  /**
   * Claims a time step: true only when `step` is later than the last accepted one, decided and
   * written in one statement, so of several logins in flight with one code exactly one wins.
   */
  claimTotpStep(id: string, step: number): boolean {
    return this.db
      .prepare('UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)')
      .run(step, id, step).changes > 0;
  }
}
