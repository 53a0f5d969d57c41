import type { EventStore } from '../../eventstore/port.js';
import { loanSummaryProjection } from '../../projections/models/loan-summary/loan-summary.js';
import type { ReadStore } from '../../readstore/port.js';

/**
 * The revision of the loan's stream that its loan summary, read right after this call, holds at
 * least: the stream's head, once the loan-summary projection has applied that head's position;
 * null for an unknown loan, or while the projection is behind the head (then no revision names
 * the document yet). Reading the head first and the document after means the document is never
 * older than the revision answered (it may be newer, which makes a later match fail, never wrongly
 * succeed: revisions only grow).
 */
export async function loanSummaryRevision(eventStore: EventStore, readStore: ReadStore, loanId: string): Promise<bigint | null> {
  const [head] = await eventStore.readStream(`loan-${loanId}`, { direction: 'backwards', maxCount: 1 });
  if (head === undefined) return null;
  const checkpoint = await readStore.getCheckpoint(loanSummaryProjection.name);
  return (checkpoint?.position ?? 0n) >= head.position ? head.revision : null;
}
