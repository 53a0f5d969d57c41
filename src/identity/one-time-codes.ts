import type Database from 'better-sqlite3';
import { digest } from './digest.js';

export type CodePurpose = 'verify' | 'reset' | 'enrol';

/** A code dies after this many wrong tries, so its million values cannot be walked. */
const MAX_ATTEMPTS = 5;

/** One live code per user and purpose, stored as a digest; a new code replaces the old one. */
export class OneTimeCodes {
  constructor(private readonly db: Database.Database) {}

  issue(userId: string, purpose: CodePurpose, code: string, expiresAt: Date): void {
    this.db
      .prepare(`INSERT INTO one_time_codes (user_id, purpose, code_hash, expires_at, attempts) VALUES (?, ?, ?, ?, 0)
        ON CONFLICT (user_id, purpose) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0`)
      .run(userId, purpose, digest(userId, purpose, code), expiresAt.toISOString());
  }

  /** True when `code` is the live, unexpired code; a wrong try counts against it. Does not consume it. */
  check(userId: string, purpose: CodePurpose, code: string, now: Date): boolean {
    const row = this.db.prepare('SELECT code_hash, expires_at, attempts FROM one_time_codes WHERE user_id = ? AND purpose = ?').get(userId, purpose) as
      { code_hash: string; expires_at: string; attempts: number } | undefined;
    if (!row || row.attempts >= MAX_ATTEMPTS || row.expires_at <= now.toISOString()) return false;
    if (row.code_hash === digest(userId, purpose, code)) return true;
    this.countWrongTry(userId, purpose);
    return false;
  }

  /** Counts a wrong try against the live code although it matched: the proof that came with it (a password) was wrong. */
  countWrongTry(userId: string, purpose: CodePurpose): void {
    this.db.prepare('UPDATE one_time_codes SET attempts = attempts + 1 WHERE user_id = ? AND purpose = ?').run(userId, purpose);
  }

  consume(userId: string, purpose: CodePurpose): void {
    this.db.prepare('DELETE FROM one_time_codes WHERE user_id = ? AND purpose = ?').run(userId, purpose);
  }
}
