import type Database from 'better-sqlite3';
import { loginSpellings, normaliseLogin } from './users.js';

/**
 * Failed-login policy, per login name and per client address. The first few failures cost
 * nothing; then each failure blocks the key for a doubling delay (slow down), and past
 * `lockAfter` the key is locked for `lockMs`. Counters reset after `lockMs` without failures.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  lockAfter: number;
  lockMs: number;
}

export const ACCOUNT_THROTTLE: ThrottlePolicy = { freeFailures: 3, lockAfter: 10, lockMs: 15 * 60_000 };
/** An address may try many accounts (a shared office NAT), but not endlessly. */
export const ADDRESS_THROTTLE: ThrottlePolicy = { freeFailures: 20, lockAfter: 100, lockMs: 15 * 60_000 };

const FIRST_DELAY_MS = 1_000;

/** When a key with `failures` counted at `at` may try again: null while failures are free, then a doubling delay, then the lock. */
function blockedUntil(policy: ThrottlePolicy, failures: number, at: Date): string | null {
  const delayMs = failures >= policy.lockAfter ? policy.lockMs
    : failures > policy.freeFailures ? Math.min(policy.lockMs, FIRST_DELAY_MS * 2 ** (failures - policy.freeFailures - 1)) : 0;
  return delayMs > 0 ? new Date(at.getTime() + delayMs).toISOString() : null;
}

/** The key of a login name's counter, `login:<normalised name>`, however the name was typed. */
export const accountKey = (login: string): string => `login:${normaliseLogin(login)}`;

/** Counters keyed `login:<name>` (accountKey) and `ip:<address>`; keyed by name, so unknown names throttle exactly like real ones. */
export class LoginThrottle {
  constructor(private readonly db: Database.Database) {}

  /** True while the key is slowed down or locked; such attempts are refused without checking the password. */
  isBlocked(key: string, now: Date): boolean {
    const row = this.db.prepare('SELECT blocked_until FROM login_failures WHERE key = ?').get(key) as { blocked_until: string | null } | undefined;
    return row?.blocked_until != null && row.blocked_until > now.toISOString();
  }

  /**
   * Counts an attempt as a failure before its password is checked, in one IMMEDIATE transaction,
   * so attempts in flight together are judged one after another: `blocked` says the key was already
   * slowed down or locked (refuse without checking the password; the attempt still counts), `locked`
   * that this attempt reached `lockAfter`. An attempt whose password turns out right gives its
   * failure back (giveBack) or clears the key.
   */
  reserve(key: string, policy: ThrottlePolicy, now: Date): { blocked: boolean; locked: boolean } {
    const reserve = this.db.transaction(() => {
      const row = this.row(key);
      const blocked = row?.blocked_until != null && row.blocked_until > now.toISOString();
      const stale = row === undefined || Date.parse(row.last_failure_at) + policy.lockMs <= now.getTime();
      const failures = (stale ? 0 : row.failures) + 1;
      this.write(key, failures, now, blockedUntil(policy, failures, now));
      return { blocked, locked: failures === policy.lockAfter };
    });
    return reserve.immediate();
  }

  /** Takes back the failure `reserve` counted for an attempt whose password was right; the delay shrinks with it. */
  giveBack(key: string, policy: ThrottlePolicy): void {
    this.db.transaction(() => {
      const row = this.row(key);
      if (row === undefined) return;
      const failures = Math.max(0, row.failures - 1);
      this.write(key, failures, new Date(row.last_failure_at), blockedUntil(policy, failures, new Date(row.last_failure_at)));
    }).immediate();
  }

  private row(key: string) {
    return this.db.prepare('SELECT failures, last_failure_at, blocked_until FROM login_failures WHERE key = ?').get(key) as
      { failures: number; last_failure_at: string; blocked_until: string | null } | undefined;
  }

  private write(key: string, failures: number, lastFailureAt: Date, until: string | null): void {
    this.db
      .prepare(`INSERT INTO login_failures (key, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until`)
      .run(key, failures, lastFailureAt.toISOString(), until);
  }

  /** A successful login clears the account's counter (not the address's). */
  clear(key: string): void {
    this.db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
  }

  /**
   * Deletes the counters of every spelling of `login` (loginSpellings: keys written before the
   * national form of a mobile too), so an erased account's phone or e-mail stays in no key.
   */
  forgetLogin(login: string): void {
    const remove = this.db.prepare('DELETE FROM login_failures WHERE key = ?');
    for (const spelling of loginSpellings(login)) remove.run(`login:${spelling}`);
  }
}
