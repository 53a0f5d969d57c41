import type Database from 'better-sqlite3';
import type { Finding } from './findings.js';
import { idempotencyMac, macMatches, snapshotMac } from './record-mac.js';

/** Every snapshot names the stream hash at its revision and carries a valid MAC; returns how many were checked. */
export function verifySnapshots(log: Database.Database, macKey: Buffer, findings: Finding[]): number {
  const eventHash = log.prepare<[string, bigint], { hash: string }>('SELECT hash FROM events WHERE stream_id = ? AND revision = ?');
  const rows = log
    .prepare<[], { stream_id: string; revision: bigint; version: bigint; state: string; stream_hash: string | null; mac: string | null }>(
      'SELECT stream_id, revision, version, state, stream_hash, mac FROM snapshots',
    )
    .all();
  for (const row of rows) {
    const subject = `snapshot ${row.stream_id}`;
    const hash = eventHash.get(row.stream_id, row.revision)?.hash ?? null;
    if (hash === null || row.stream_hash !== hash) {
      findings.push({ kind: 'snapshot_mismatch', subject, revision: row.revision, detail: 'does not name the stream hash at its revision (loading ignores it)' });
    } else if (!macMatches(row.mac, snapshotMac(macKey, row.stream_id, row.revision, Number(row.version), hash, row.state))) {
      findings.push({ kind: 'snapshot_mismatch', subject, revision: row.revision, detail: 'its state fails the MAC: it was edited (loading ignores it and replays events)' });
    }
  }
  return rows.length;
}

/** Every idempotency record points at the event it claims and carries a valid MAC; returns how many were checked. */
export function verifyIdempotencyRecords(log: Database.Database, macKey: Buffer, findings: Finding[]): number {
  const eventAt = log.prepare<[bigint], { stream_id: string; revision: bigint }>('SELECT stream_id, revision FROM events WHERE position = ?');
  const rows = log
    .prepare<[], { key: string; request_hash: string; stream_id: string; revision: bigint; position: bigint; mac: string | null }>(
      'SELECT key, request_hash, stream_id, revision, position, mac FROM idempotency',
    )
    .all();
  for (const row of rows) {
    const subject = `idempotency ${row.key}`;
    const event = eventAt.get(row.position);
    if (event === undefined || event.stream_id !== row.stream_id || event.revision !== row.revision) {
      findings.push({ kind: 'idempotency_mismatch', subject, detail: `points at ${row.stream_id} revision ${row.revision} position ${row.position}, which is not in the log` });
    } else if (!macMatches(row.mac, idempotencyMac(macKey, row.key, row.request_hash, row.stream_id, row.revision, row.position))) {
      findings.push({ kind: 'idempotency_mismatch', subject, detail: 'fails its MAC: a retried request would be answered from an edited record' });
    }
  }
  return rows.length;
}
