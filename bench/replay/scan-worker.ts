import Database from 'better-sqlite3';
import { EVENT_COLUMNS } from '../../src/eventstore/sqlite-rows.js';
import { peakRssMiB } from '../child/spawn-worker.js';
import { msSince } from '../stats.js';
import type { ReplayReport } from './replay-report.js';

// Worker: the replay ceiling. A plain better-sqlite3 scan of the events table in position order
// with JSON.parse of each payload: what any replay must at least do, and nothing more.
const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: scan-worker <events.db>');
const db = new Database(file, { readonly: true });
db.defaultSafeIntegers(true);
const start = process.hrtime.bigint();
let events = 0;
let bytes = 0;
for (const row of db.prepare<[], { data: string }>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY position`).iterate()) {
  const data: unknown = JSON.parse(row.data);
  // Keep the parse observable so it cannot be optimised away.
  if (data !== null) bytes += row.data.length;
  events++;
}
const ms = msSince(start);
db.close();
const report: ReplayReport = { events, ms, peakRssMiB: peakRssMiB(), bytes };
process.send?.(report, () => process.exit(0));
