import { loanFigures } from '../../domain/loan/figures.js';
import { owedOn } from '../../domain/loan/penalties-owed-by.js';
import type { LoanState } from '../../domain/loan/state.js';
import type { EventStore } from '../../eventstore/port.js';
import type { CustomerAccountDoc } from '../../projections/models/customer-account/documents.js';
import { totalsOf } from '../../projections/models/customer-account/loan-lines.js';
import type { LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import type { ReadStore } from '../../readstore/port.js';
import { loanStream } from '../streams.js';
import { currentLoanState } from './loan-time-travel.js';
import { loanSummaryDoc } from './loan-summary-view.js';
import { processReplayMemo } from '../../commands/bounded-replay-memo.js';

/** The figures of a summary a payment on the business date may find different. */
export type OwedFigures = Pick<LoanSummaryDoc, 'outstanding' | 'nextDue'>;

/**
 * True when a penalty may be owed on `businessDate` that the document's figures (as of the loan's
 * last event) leave out: the document's unchargedPenaltyFrom has been reached (the first day after
 * a grace before that night's close, a loan keyed in or a payment reversed after the last close).
 * A document built before that field: an open loan with a row due before the date still owed, or
 * a row paid after its grace whose penalty is not charged yet (latePenaltyFrom).
 */
export function mayOweUnchargedPenalty(doc: Pick<LoanSummaryDoc, 'status' | 'nextDue' | 'latePenaltyFrom' | 'unchargedPenaltyFrom'>, businessDate: string): boolean {
  if (doc.status !== 'active' && doc.status !== 'overdue') return false;
  if (doc.unchargedPenaltyFrom !== undefined) return doc.unchargedPenaltyFrom !== null && doc.unchargedPenaltyFrom <= businessDate;
  if (doc.latePenaltyFrom != null && doc.latePenaltyFrom <= businessDate) return true;
  return doc.nextDue !== null && doc.nextDue.date < businessDate;
}

/**
 * The loan's outstanding and next due as a payment dated `businessDate` finds them (owedOn: the
 * penalties owed by then folded in, through loanFigures, the one owner of balances); null when no
 * uncharged penalty is owed, so the caller keeps what it has.
 */
export function owedFiguresOn(state: LoanState, businessDate: string): OwedFigures | null {
  const owing = owedOn(state, businessDate, processReplayMemo);
  if (owing === state) return null;
  // Outstanding and next due do not depend on the date figures are aged to.
  const figures = loanFigures(owing);
  return { outstanding: figures.outstanding, nextDue: figures.nextDue };
}

/**
 * The summary document with its outstanding and next due as a payment on `businessDate` finds them
 * (QA 10 R1: the document, as of the loan's last event, left out a penalty owed since the grace
 * ended, so paying the next due shown left the loan overdue). Reads the loan from the log only
 * when mayOweUnchargedPenalty says a penalty may be owed. `streamRevision` is the loan stream's
 * head revision the caller read before the document (null when it found none): the summary route
 * reads it once for its ETag and this; absent (a list), it is read here when a penalty may be owed.
 */
export async function summaryOwedOn<D extends LoanSummaryDoc>(eventStore: EventStore, doc: D, businessDate: string, streamRevision?: bigint | null): Promise<D> {
  if (!mayOweUnchargedPenalty(doc, businessDate)) return doc;
  const revision = streamRevision !== undefined ? streamRevision : await eventStore.streamRevision(loanStream(doc.id));
  const owed = await owedFiguresOf(eventStore, doc.id, businessDate, revision);
  return owed ? { ...doc, ...owed } : doc;
}

/** Loans whose owed figures are remembered, at most (least recently computed dropped first). */
const OWED_MEMO_SIZE = 4_096;
const owedMemo = new Map<string, OwedFigures | null>();

/**
 * owedFiguresOn for the loan as the log holds it now, remembered per loan, stream revision and
 * business date (what the figures are a pure function of): replaying the loan's servicing to find
 * the penalties owed costs milliseconds, and a loan past its grace before the night's close is read
 * again and again (the summary, the account centre) until the close charges them. `revision` is
 * the stream's head as the caller read it before this call (an O(1) lookup, or the head the summary
 * route reads for its ETag); the figures are kept only when the loan loaded is at it, so a stream
 * that moved since is answered from the newer loan and not remembered.
 */
async function owedFiguresOf(eventStore: EventStore, loanId: string, businessDate: string, revision: bigint | null): Promise<OwedFigures | null> {
  const key = `${loanId}@${revision ?? -1n}@${businessDate}`;
  const known = owedMemo.get(key);
  if (known !== undefined) return known;
  const state = await currentLoanState(eventStore, loanId);
  const owed = state && owedFiguresOn(state, businessDate);
  if (state !== null && revision !== null && BigInt(state.eventsFolded - 1) === revision) {
    owedMemo.set(key, owed);
    if (owedMemo.size > OWED_MEMO_SIZE) owedMemo.delete(owedMemo.keys().next().value as string);
  }
  return owed;
}

/**
 * The account centre's loan lines (balance and next due) and per-currency totals as a payment on
 * `businessDate` finds them: a line whose loan may owe an uncharged penalty (its summary document,
 * mayOweUnchargedPenalty) is re-read from the log through owedFiguresOn, and the totals are summed
 * again from the lines (totalsOf, the projection's own). Unchanged when no line needs it.
 */
export async function accountOwedOn(readStore: ReadStore, eventStore: EventStore, doc: Pick<CustomerAccountDoc, 'loans' | 'totals'>, businessDate: string): Promise<Pick<CustomerAccountDoc, 'loans' | 'totals'>> {
  let changed = false;
  const loans = await Promise.all(doc.loans.map(async (line) => {
    if (line.status !== 'active' && line.status !== 'overdue') return line;
    const summary = await loanSummaryDoc(readStore, line.loanId);
    if (!summary || !mayOweUnchargedPenalty(summary, businessDate)) return line;
    const owed = await owedFiguresOf(eventStore, line.loanId, businessDate, await eventStore.streamRevision(loanStream(line.loanId)));
    if (!owed) return line;
    changed = true;
    return { ...line, outstanding: owed.outstanding.total, nextDue: owed.nextDue };
  }));
  return changed ? { loans, totals: totalsOf(loans) } : { loans: doc.loans, totals: doc.totals };
}
