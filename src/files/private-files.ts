import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes `file`'s folder 0700 and the file 0600 (creating it empty when absent) before SQLite
 * opens it: SQLite gives its -wal and -shm files the database file's mode, so the whole set stays
 * private to the service user. A no-op for ':memory:'.
 */
export function preparePrivateFile(file: string): void {
  if (file === ':memory:') return;
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
