import path from 'node:path';
import Database from 'better-sqlite3';
import { preparePrivateFile } from '../files/private-files.js';
import type { CheckpointBody, SignedCheckpoint } from './checkpoint.js';
import type { StreamHead } from './merkle.js';

export const CHECKPOINTS_FILE = 'checkpoints.db';

interface CheckpointRow {
  body: string;
  hash: string;
  signature: string;
}

/**
 * Signed checkpoints in their own file (`<dataDir>/checkpoints.db`), apart from the log so a
 * change to one file cannot rewrite both. Keeps every checkpoint, and the leaves (stream heads)
 * of the latest one: enough to name a missing stream or tail and to build inclusion proofs.
 */
export class CheckpointStore {
  private constructor(private readonly db: Database.Database) {}

  static open(dataDir: string): CheckpointStore {
    const file = path.join(dataDir, CHECKPOINTS_FILE);
    preparePrivateFile(file);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.defaultSafeIntegers(true);
    db.exec(`
      CREATE TABLE IF NOT EXISTS checkpoints (sequence INTEGER PRIMARY KEY, body TEXT NOT NULL, hash TEXT NOT NULL, signature TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS checkpoint_heads (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, hash TEXT NOT NULL);
    `);
    return new CheckpointStore(db);
  }

  /** Every checkpoint, oldest first. */
  all(): SignedCheckpoint[] {
    return this.db.prepare<[], CheckpointRow>('SELECT body, hash, signature FROM checkpoints ORDER BY sequence').all().map(toSigned);
  }

  latest(): SignedCheckpoint | null {
    const row = this.db.prepare<[], CheckpointRow>('SELECT body, hash, signature FROM checkpoints ORDER BY sequence DESC LIMIT 1').get();
    return row === undefined ? null : toSigned(row);
  }

  /** The stream heads of the latest checkpoint, sorted by stream id. */
  latestHeads(): StreamHead[] {
    return this.db
      .prepare<[], { stream_id: string; revision: bigint; hash: string }>('SELECT stream_id, revision, hash FROM checkpoint_heads')
      .all()
      .map((row) => ({ streamId: row.stream_id, revision: row.revision, hash: row.hash }))
      .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  }

  /** Appends a checkpoint and replaces the stored heads with its leaves, atomically. */
  add(checkpoint: SignedCheckpoint, heads: StreamHead[]): void {
    const insertHead = this.db.prepare('INSERT INTO checkpoint_heads (stream_id, revision, hash) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO checkpoints (sequence, body, hash, signature) VALUES (?, ?, ?, ?)')
        .run(BigInt(checkpoint.body.sequence), JSON.stringify(checkpoint.body), checkpoint.hash, checkpoint.signature);
      this.db.prepare('DELETE FROM checkpoint_heads').run();
      for (const head of heads) insertHead.run(head.streamId, head.revision, head.hash);
    }).immediate();
  }

  /** Runs `fn` holding this file's write lock, so two writers (the server, `lendcore checkpoint`) never sign the same sequence. */
  exclusively<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    this.db.close();
  }
}

function toSigned(row: CheckpointRow): SignedCheckpoint {
  return { body: JSON.parse(row.body) as CheckpointBody, hash: row.hash, signature: row.signature };
}
