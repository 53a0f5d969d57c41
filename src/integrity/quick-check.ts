import type Database from 'better-sqlite3';

/**
 * `PRAGMA quick_check` on an open SQLite file: null when it passes, else up to three of its
 * messages (or the error it threw, naming the file) — what the server's start check, and `backup`
 * on its source and its copies, refuse.
 */
export function quickCheckProblems(db: Database.Database, file: string): string | null {
  try {
    const rows = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
    const messages = rows.map((row) => row.quick_check).filter((message) => message !== 'ok');
    return messages.length === 0 ? null : messages.slice(0, 3).join('; ');
  } catch (error) {
    return `${file}: ${(error as Error).message}`;
  }
}
