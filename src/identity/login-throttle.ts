import type Database from 'better-sqlite3';

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

/** Counters keyed `login:<name>` and `ip:<address>`; keyed by name, so unknown names throttle exactly like real ones. */
export class LoginThrottle {
  constructor(private readonly db: Database.Database) {}

  /** True while the key is slowed down or locked; such attempts are refused without checking the password. */
  isBlocked(key: string, now: Date): boolean {
    const row = this.db.prepare('SELECT blocked_until FROM login_failures WHERE key = ?').get(key) as { blocked_until: string | null } | undefined;
    return row?.blocked_until != null && row.blocked_until > now.toISOString();
  }

  /** Counts a failure; returns true when this failure locked the key (for the security log). */
  fail(key: string, policy: ThrottlePolicy, now: Date): boolean {
    const fail = this.db.transaction((): boolean => {
      const row = this.db.prepare('SELECT failures, last_failure_at FROM login_failures WHERE key = ?').get(key) as { failures: number; last_failure_at: string } | undefined;
      const stale = row === undefined || Date.parse(row.last_failure_at) + policy.lockMs <= now.getTime();
      const failures = (stale ? 0 : row.failures) + 1;
      const delayMs = failures >= policy.lockAfter ? policy.lockMs
        : failures > policy.freeFailures ? Math.min(policy.lockMs, FIRST_DELAY_MS * 2 ** (failures - policy.freeFailures - 1)) : 0;
      const blockedUntil = delayMs > 0 ? new Date(now.getTime() + delayMs).toISOString() : null;
      this.db
        .prepare(`INSERT INTO login_failures (key, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, ?)
          ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until`)
        .run(key, failures, now.toISOString(), blockedUntil);
      return failures === policy.lockAfter;
    });
    return fail.immediate();
  }

  /** A successful login clears the account's counter (not the address's). */
  clear(key: string): void {
    this.db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
  }
}
