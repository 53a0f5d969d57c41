import type { Page, ReadStore } from '../readstore/port.js';
import { EOD_RUNS, type EodRunDoc } from './run-record.js';

/**
 * The latest business date (YYYY-MM-DD) whose close of business completed and whose events the
 * projection named has applied (its checkpoint has reached the close's last event, EodRunDoc
 * `lastPosition`; a close that appended nothing, or a record written before the field, is applied),
 * or null when none is. A view that ages a projection's documents ages them to this date, never to a
 * close whose events they do not hold yet (qa18 D5: right after a close the list aged documents not
 * yet updated to the new date, 12 days past due as `normal` without the penalty it then charged).
 * Reads the run records newest first: nearly always one index step, as lastCompletedDate does.
 */
export async function lastCloseApplied(readStore: ReadStore, projection: string): Promise<string | null> {
  const applied = (await readStore.getCheckpoint(projection))?.position ?? -1n;
  let cursor: string | null = null;
  do {
    const page: Page<EodRunDoc> = await readStore.find<EodRunDoc>(EOD_RUNS, { sort: { field: 'id', direction: 'desc' }, limit: 32, cursor });
    for (const run of page.items) {
      if (run.status === 'completed' && (run.lastPosition == null || BigInt(run.lastPosition) <= applied)) return run.id;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return null;
}
