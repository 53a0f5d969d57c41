import type { EventStore } from '../../eventstore/port.js';
import { loanSummaryProjection } from '../../projections/models/loan-summary/loan-summary.js';
import type { ReadStore } from '../../readstore/port.js';

/** What one read of a loan stream's head says: its revision, and the revision that names its summary. */
export interface LoanRevisions {
  /** The stream's head revision; null for an unknown loan. */
  stream: bigint | null;
  /** The head revision once the loan-summary projection has applied it; null while it is behind (or the loan unknown). */
  summary: bigint | null;
  /** The head's global position (what the projection must reach for `summary`); null for an unknown loan. */
  position: bigint | null;
}

/**
 * The revision of the loan's stream that its loan summary, read right after this call, holds at
 * least (`summary`): the stream's head, once the loan-summary projection has applied that head's
 * position; null for an unknown loan, or while the projection is behind the head (then no revision
 * names the document yet). Reading the head first and the document after means the document is
 * never older than the revision answered (it may be newer, which makes a later match fail, never
 * wrongly succeed: revisions only grow). The head's own revision (`stream`) comes with it, so a
 * caller needing both reads the stream once.
 */
export async function loanSummaryRevision(eventStore: EventStore, readStore: ReadStore, loanId: string): Promise<LoanRevisions> {
  const [head] = await eventStore.readStream(`loan-${loanId}`, { direction: 'backwards', maxCount: 1 });
  if (head === undefined) return { stream: null, summary: null, position: null };
  const checkpoint = await readStore.getCheckpoint(loanSummaryProjection.name);
  return { stream: head.revision, summary: (checkpoint?.position ?? 0n) >= head.position ? head.revision : null, position: head.position };
}
