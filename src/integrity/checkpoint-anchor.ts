import Database from 'better-sqlite3';
import type { SignedCheckpoint } from './checkpoint.js';
import type { Finding } from './findings.js';
import { checkpointAnchorMac, macMatches } from './record-mac.js';

/**
 * The log's own record of its latest checkpoint (sequence and hash, under the integrity MAC), one
 * row in the log file. checkpoints.db is apart from the log so one file cannot rewrite both; this
 * row makes the other loss evident too: a log once checkpointed no longer verifies clean when
 * checkpoints.db is deleted, or an older copy put back (both passed as "0 checkpoints" or as
 * the older chain). Deleting this row as well goes unseen: only a published checkpoint shows that.
 */
const TABLE = 'CREATE TABLE IF NOT EXISTS checkpoint_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL, hash TEXT NOT NULL, mac TEXT NOT NULL)';

/**
 * Records `checkpoint` in the log file as its latest, never moving the record back (two writers
 * may finish out of order). Called once the checkpoint is committed, so the log never names one
 * checkpoints.db lacks; a crash in between leaves the previous one named, which it still holds.
 */
export function recordCheckpointAnchor(logFile: string, macKey: Buffer, checkpoint: SignedCheckpoint): void {
  const log = new Database(logFile, { fileMustExist: true });
  try {
    log.pragma('busy_timeout = 5000');
    log.pragma('synchronous = FULL');
    log.exec(TABLE);
    const sequence = BigInt(checkpoint.body.sequence);
    log.prepare(
      `INSERT INTO checkpoint_anchor (id, sequence, hash, mac) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash, mac = excluded.mac WHERE excluded.sequence > checkpoint_anchor.sequence`,
    ).run(sequence, checkpoint.hash, checkpointAnchorMac(macKey, sequence, checkpoint.hash));
  } finally {
    log.close();
  }
}

/**
 * The checkpoint the log records as its latest must be in `checkpoints` (checkpoints.db, oldest
 * first) with the same hash, and the record must carry its MAC. A log without the record (never
 * checkpointed, or from before it) is not checked.
 */
export function verifyCheckpointAnchor(log: Database.Database, macKey: Buffer, checkpoints: readonly SignedCheckpoint[], findings: Finding[]): void {
  const table = log.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'checkpoint_anchor'`).get();
  if (table === undefined) return;
  const anchor = log.prepare<[], { sequence: bigint; hash: string; mac: string }>('SELECT sequence, hash, mac FROM checkpoint_anchor WHERE id = 1').get();
  if (anchor === undefined) return;
  const subject = `checkpoint #${anchor.sequence}`;
  if (!macMatches(anchor.mac, checkpointAnchorMac(macKey, anchor.sequence, anchor.hash))) {
    findings.push({ kind: 'checkpoint_anchor_unauthenticated', subject, detail: 'the log\'s record of its latest checkpoint fails its MAC (edited without the integrity key)' });
    return;
  }
  const held = checkpoints.find((checkpoint) => BigInt(checkpoint.body.sequence) === anchor.sequence);
  if (held?.hash === anchor.hash) return;
  const last = checkpoints[checkpoints.length - 1];
  const holds = held !== undefined ? `holds another ${subject}` : last === undefined ? 'holds none' : `ends at #${last.body.sequence}`;
  findings.push({
    kind: 'checkpoints_missing', subject,
    detail: `the log was checkpointed up to ${subject} but checkpoints.db ${holds}: it was deleted, replaced or rolled back; restore it from the backup`,
  });
}
