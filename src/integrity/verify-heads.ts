import type Database from 'better-sqlite3';
import type { Finding } from './findings.js';
import type { StreamHead } from './merkle.js';
import { headAuthentic } from './record-mac.js';
import type { StreamSummary } from './stream-walk.js';

/**
 * Each `streams` row must equal its stream's last event and carry a valid MAC; every stream with
 * events must have a row. A row without a MAC (written before the key existed) passes only while
 * it is exactly the head the latest checkpoint anchored.
 */
export function verifyHeads(
  log: Database.Database,
  streams: Map<string, StreamSummary>,
  macKey: Buffer,
  anchoredHeads: Map<string, StreamHead>,
  findings: Finding[],
): void {
  const rows = log.prepare<[], { stream_id: string; revision: bigint; last_hash: string; mac: string | null }>('SELECT stream_id, revision, last_hash, mac FROM streams').all();
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.stream_id);
    const walked = streams.get(row.stream_id);
    if (walked === undefined) {
      findings.push({ kind: 'stream_without_events', subject: row.stream_id, revision: row.revision, detail: 'the head row names a stream whose events are gone' });
      continue;
    }
    if (walked.revision !== row.revision || walked.hash !== row.last_hash) {
      findings.push({
        kind: 'head_mismatch', subject: row.stream_id, revision: row.revision,
        detail: `the stored head is revision ${row.revision} but the events end at revision ${walked.revision} (an event was removed or added behind the store's back)`,
      });
      continue;
    }
    if (!headAuthentic(macKey, { streamId: row.stream_id, revision: row.revision, hash: row.last_hash, mac: row.mac }, (id) => anchoredHeads.get(id))) {
      findings.push({
        kind: 'head_unauthenticated', subject: row.stream_id, revision: row.revision,
        detail: 'the head row fails its MAC: the stream was extended, truncated or rehashed without the integrity key',
      });
    }
  }
  for (const [streamId, walked] of streams) {
    if (!seen.has(streamId)) findings.push({ kind: 'head_missing', subject: streamId, revision: walked.revision, detail: 'events exist but the stream has no head row' });
  }
}
