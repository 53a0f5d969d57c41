import type Database from 'better-sqlite3';
import { digest } from './digest.js';

export type CodePurpose = 'verify' | 'reset' | 'enrol';
/** Codes sent to a phone or e-mail: six digits, so each guess has a one-in-a-million chance. */
export type SentCodePurpose = Exclude<CodePurpose, 'enrol'>;

/** A login's wrong tries per purpose within a window, so its million values cannot be walked. */
const MAX_ATTEMPTS = 5;
/** Codes sent per login and purpose within a window: enough for a lost message, too few to flood a phone. */
const MAX_CODES_PER_WINDOW = 5;

/**
 * One live code per user and purpose, stored as a digest; a new code replaces the old one. A sent
 * code opens a window as long as its lifetime; codes sent again within it inherit its wrong tries.
 */
export class OneTimeCodes {
  constructor(private readonly db: Database.Database) {}

  /** An unguessable token (enrolment), issued afresh: its tries start at zero. */
  issue(userId: string, purpose: 'enrol', code: string, expiresAt: Date): void {
    this.upsert(userId, purpose, code, expiresAt, { attempts: 0, windowEndsAt: expiresAt.toISOString(), codesSent: 1 });
  }

  /**
   * A code to send, unless the login has spent its wrong tries or its codes in the window the first
   * code opened (false: send nothing). Within the window the new code inherits the wrong tries, so
   * asking for codes again never buys more guesses: 5 per login and purpose per code lifetime.
   */
  issueToSend(userId: string, purpose: SentCodePurpose, code: string, expiresAt: Date, now: Date): boolean {
    const row = this.db
      .prepare('SELECT attempts, codes_sent, COALESCE(window_ends_at, expires_at) AS window_ends_at FROM one_time_codes WHERE user_id = ? AND purpose = ?')
      .get(userId, purpose) as { attempts: number; codes_sent: number; window_ends_at: string } | undefined;
    if (row === undefined || row.window_ends_at <= now.toISOString()) {
      this.upsert(userId, purpose, code, expiresAt, { attempts: 0, windowEndsAt: expiresAt.toISOString(), codesSent: 1 });
      return true;
    }
    if (row.attempts >= MAX_ATTEMPTS || row.codes_sent >= MAX_CODES_PER_WINDOW) return false;
    this.upsert(userId, purpose, code, expiresAt, { attempts: row.attempts, windowEndsAt: row.window_ends_at, codesSent: row.codes_sent + 1 });
    return true;
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

  /** Deletes the code once used: the window and its tries end with it. */
  consume(userId: string, purpose: CodePurpose): void {
    this.db.prepare('DELETE FROM one_time_codes WHERE user_id = ? AND purpose = ?').run(userId, purpose);
  }

  private upsert(userId: string, purpose: CodePurpose, code: string, expiresAt: Date, window: { attempts: number; windowEndsAt: string; codesSent: number }): void {
    this.db
      .prepare(`INSERT INTO one_time_codes (user_id, purpose, code_hash, expires_at, attempts, window_ends_at, codes_sent) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (user_id, purpose) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = excluded.attempts,
          window_ends_at = excluded.window_ends_at, codes_sent = excluded.codes_sent`)
      .run(userId, purpose, digest(userId, purpose, code), expiresAt.toISOString(), window.attempts, window.windowEndsAt, window.codesSent);
  }
}
