import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { digest } from './digest.js';

const COUNT = 10;

/** `xxxx-xxxx-xxxx` from 60 random bits, base32-ish lower case (no look-alike 0/o, 1/l). */
function recoveryCode(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Single-use codes that stand in for a lost authenticator; kept as digests. */
export class RecoveryCodes {
  constructor(private readonly db: Database.Database) {}

  /** Replaces the user's codes with COUNT new ones and returns them (shown once). */
  replace(userId: string): string[] {
    const codes = Array.from({ length: COUNT }, recoveryCode);
    const insert = this.db.prepare('INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
      for (const code of codes) insert.run(userId, digest('recovery', userId, code));
    })();
    return codes;
  }

  /** Uses the code once: true when it was one of the user's unused codes. */
  use(userId: string, code: string, now: Date): boolean {
    return this.db
      .prepare('UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL')
      .run(now.toISOString(), userId, digest('recovery', userId, code.trim().toLowerCase())).changes > 0;
  }
}
