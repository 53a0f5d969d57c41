import type { Doc, ReadStore } from '../readstore/port.js';
import type { BookPosition } from './loan-book.js';

export const EOD_RUNS = 'eod_runs';
/** The checkpoint name run records are committed under (the read store writes only with a checkpoint). */
const RUN_CHECKPOINT = 'close-of-business';

/**
 * One business date's close: its progress while running, so a crashed run resumes after the last
 * loan it finished, and its totals once completed, so the next run knows how far the book is closed.
 */
export interface EodRunDoc extends Doc {
  /** The business date. */
  id: string;
  status: 'running' | 'completed';
  startedAt: string;
  completedAt: string | null;
  /** Where the book scan stands after the last page of loans fully closed; a resumed run starts there. */
  resumeAt: BookPosition | null;
  /** Totals of the pages finished; a crash drops its unfinished page's counts (never its events). */
  loansScanned: number;
  loansChanged: number;
  eventsAppended: number;
  /**
   * Global position (decimal string) of the last event this date's close appended, null while it
   * appended none: a view reading a projection knows the close is applied there once the projection's
   * checkpoint reaches it (close-applied.ts). Absent on records written before it.
   */
  lastPosition?: string | null;
}

export async function ensureRunRecords(readStore: ReadStore): Promise<void> {
  await readStore.ensureCollection({ name: EOD_RUNS, indexes: ['status'] });
}

export async function findRun(readStore: ReadStore, date: string): Promise<EodRunDoc | null> {
  return readStore.get<EodRunDoc>(EOD_RUNS, date);
}

/** The latest business date whose close completed, or null before the first one. */
export async function lastCompletedDate(readStore: ReadStore): Promise<string | null> {
  // Every loan read asks this. The newest run is nearly always completed, and reading it by the key
  // alone is one index step; the status index would sort every completed run to find the newest.
  const newest = await readStore.find<EodRunDoc>(EOD_RUNS, { sort: { field: 'id', direction: 'desc' }, limit: 1 });
  const run = newest.items[0];
  if (run === undefined || run.status === 'completed') return run?.id ?? null;
  const page = await readStore.find<EodRunDoc>(EOD_RUNS, { where: { status: 'completed' }, sort: { field: 'id', direction: 'desc' }, limit: 1 });
  return page.items[0]?.id ?? null;
}

/**
 * The latest business date whose close had completed by `instant` (ISO-8601), or null when none had:
 * the date a loan view read at that instant aged days past due to (closedThrough). Reads the
 * completed runs newest first, a page at a time, and stops at the first one completed by then (a
 * close forced again later counts from its latest completion).
 */
export async function lastCompletedBy(readStore: ReadStore, instant: string): Promise<string | null> {
  const limit = Date.parse(instant);
  let cursor: string | null = null;
  do {
    const page: { items: EodRunDoc[]; nextCursor: string | null } = await readStore.find<EodRunDoc>(EOD_RUNS, {
      where: { status: 'completed' }, sort: { field: 'id', direction: 'desc' }, limit: 100, cursor,
    });
    const run = page.items.find((r) => r.completedAt !== null && Date.parse(r.completedAt) <= limit);
    if (run !== undefined) return run.id;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return null;
}

/** Stores the record; `logPosition` is the head of the log the run has seen, kept as its checkpoint. */
export async function saveRun(readStore: ReadStore, run: EodRunDoc, logPosition: bigint, now: Date): Promise<void> {
  await readStore.commit([{ op: 'put', collection: EOD_RUNS, doc: run }], {
    projection: RUN_CHECKPOINT, version: 1, position: logPosition, updatedAt: now.toISOString(),
  });
}
