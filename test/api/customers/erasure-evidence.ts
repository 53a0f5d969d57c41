import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Every row of every table of a SQLite file, as text (blobs read as latin1), prefixed with its table. */
export function rowsOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return tables.flatMap((table) => (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).map((row) => {
      const text = Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)));
      return `${table}: ${text.join(' | ')}`;
    }));
  } finally {
    db.close();
  }
}

/** Files under `dir` (recursively) whose bytes contain `needle`. */
export function filesHolding(dir: string, needle: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return filesHolding(file, needle);
    return readFileSync(file).includes(Buffer.from(needle, 'utf8')) ? [name] : [];
  });
}

/** The texts that contain `needle`. */
export const holding = (texts: string[], needle: string) => texts.filter((text) => text.includes(needle));
