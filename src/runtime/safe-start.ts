import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { MASTER_KEY_FILE } from '../config/secrets.js';
import { openLogReader } from '../integrity/open-log-reader.js';
import { quickCheckProblems } from '../integrity/quick-check.js';

export const KEY_STORE_FILE = 'keys.db';

/** The server will not start on this data dir; the message names the file and what to do. */
export class StartRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartRefusedError';
  }
}

/**
 * Checks made before anything is opened or created, so a damaged or half-restored data dir stops
 * the start instead of serving wrong answers: the embedded log passes `PRAGMA quick_check`; the
 * master key file is there when a key store is; the key store is there when the log has customers.
 * A wrong master key is caught when the key store opens (its key-check value).
 */
export function assertSafeStart(config: Config): void {
  const keysFile = path.join(config.dataDir, KEY_STORE_FILE);
  const masterFile = path.join(config.dataDir, MASTER_KEY_FILE);
  if (config.masterKey === null && existsSync(keysFile) && !existsSync(masterFile)) {
    throw new StartRefusedError(
      `${masterFile} is missing but ${keysFile} exists: restore master.key from your backup (or set LENDCORE_MASTER_KEY); starting would create a new key and make every customer's PII unreadable`,
    );
  }
  if (config.eventStore.kind !== 'sqlite' || !existsSync(config.eventStore.path)) return;
  const logFile = config.eventStore.path;
  const log = openLogReader(logFile);
  try {
    const problems = quickCheckProblems(log, logFile);
    if (problems !== null) {
      throw new StartRefusedError(
        `${logFile} fails its integrity check (${problems}): stop, keep a copy of the damaged file, then restore the data dir with \`lendcore restore <backup>\` (docs/operations.md)`,
      );
    }
    const customers = hasTable(log, 'streams') && log.prepare("SELECT 1 FROM streams WHERE stream_id LIKE 'customer-%' LIMIT 1").get() !== undefined;
    if (customers && !existsSync(keysFile)) {
      throw new StartRefusedError(
        `${keysFile} is missing but the event log has customers: restore keys.db from your backup (\`lendcore restore\`); without it every customer would read as erased`,
      );
    }
  } finally {
    log.close();
  }
}

function hasTable(log: ReturnType<typeof openLogReader>, name: string): boolean {
  return log.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
