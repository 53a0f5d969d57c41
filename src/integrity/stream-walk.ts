import type Database from 'better-sqlite3';
import { StreamChainVerifier, type ChainLink } from '../eventstore/hash-chain.js';
import type { BrokenLink } from '../eventstore/port.js';
import { eventColumnsOf, rowToStored, type EventRow } from '../eventstore/sqlite-rows.js';
import type { Finding } from './findings.js';

/** What the walk learnt of one stream: its last event, and its last event at or before the anchored position. */
export interface StreamSummary {
  revision: bigint;
  hash: string;
  anchored: { revision: bigint; hash: string } | null;
}

/**
 * Walks every stream in revision order: checks each link (first break per stream) and that
 * global positions grow with revisions, and summarises each stream for the head and checkpoint
 * checks. Memory grows with the number of streams, not events.
 */
export function walkStreams(log: Database.Database, anchoredPosition: bigint, findings: Finding[]): { streams: Map<string, StreamSummary>; events: number } {
  const streams = new Map<string, StreamSummary>();
  let events = 0;
  let current: string | null = null;
  let verifier = new StreamChainVerifier();
  let broken = false;
  let lastPosition = 0n;
  const rows = log
    .prepare<[], EventRow>(`SELECT ${eventColumnsOf(log)} FROM events ORDER BY stream_id, revision`)
    .iterate();
  for (const row of rows) {
    events += 1;
    if (row.stream_id !== current) {
      current = row.stream_id;
      verifier = new StreamChainVerifier();
      broken = false;
      lastPosition = 0n;
    }
    const summary = streams.get(row.stream_id);
    const anchored = row.position <= anchoredPosition ? { revision: row.revision, hash: row.hash } : (summary?.anchored ?? null);
    streams.set(row.stream_id, { revision: row.revision, hash: row.hash, anchored });
    if (broken) continue;
    if (row.position <= lastPosition) {
      findings.push({
        kind: 'position_order', subject: row.stream_id, revision: row.revision, eventId: row.event_id,
        detail: `global position ${row.position} is not after the previous revision's ${lastPosition}`,
      });
      broken = true;
      continue;
    }
    lastPosition = row.position;
    const stored = readable(row);
    if (stored === null) {
      findings.push({ kind: 'hash_mismatch', subject: row.stream_id, revision: row.revision, eventId: row.event_id, detail: 'its stored data or actor is not JSON (edited after it was written)' });
      broken = true;
      continue;
    }
    const link = verifier.check(stored);
    if (link !== null) {
      findings.push({ kind: link.reason, subject: link.streamId, revision: link.revision, eventId: link.eventId, detail: linkDetail(link.reason) });
      broken = true;
    }
  }
  return { streams, events };
}

// The row as a chain link, or null when its JSON columns no longer parse (an edit, never a write).
function readable(row: EventRow): ChainLink | null {
  try {
    return rowToStored(row);
  } catch {
    return null;
  }
}

function linkDetail(reason: BrokenLink['reason']): string {
  switch (reason) {
    case 'hash_mismatch': return 'the stored hash is not the hash of this event (a field it covers was edited after it was written)';
    case 'prev_hash_mismatch': return 'prevHash does not name the previous event (an event before it was changed or removed)';
    case 'revision_gap': return 'a revision is missing before this one';
    case 'hash_version_unknown': return 'its hash version is none a release wrote (the version was edited)';
    case 'hash_version_downgrade': return 'a hash-version-1 event after a version-2 one in the same stream (its version was edited down)';
    default: return reason satisfies never;
  }
}
