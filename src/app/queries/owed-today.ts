import type { EventStore } from '../../eventstore/port.js';
import type { CustomerAccountDoc } from '../../projections/models/customer-account/documents.js';
import { totalsOf } from '../../projections/models/customer-account/loan-lines.js';
import type { LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import type { ReadStore } from '../../readstore/port.js';
import { loanStream } from '../streams.js';
import { closedThroughInSummaries, loanSummaryDoc, toLoanSummaryView } from './loan-summary-view.js';
import { owedNow } from './owed-now.js';

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
 * The summary document with its outstanding and next due as a payment on `businessDate` finds them
 * (QA 10 R1: the document, as of the loan's last event, left out a penalty owed since the grace
 * ended, so paying the next due shown left the loan overdue). Reads the loan from the log (owedNow,
 * remembered per revision and date) only when mayOweUnchargedPenalty says a penalty may be owed.
 * `streamRevision` is the loan stream's head revision the caller read before the document (null
 * when it found none): the summary route
 * reads it once for its ETag and this; absent (a list), it is read here when a penalty may be owed.
 */
export async function summaryOwedOn<D extends LoanSummaryDoc>(eventStore: EventStore, doc: D, businessDate: string, streamRevision?: bigint | null): Promise<D> {
  if (!mayOweUnchargedPenalty(doc, businessDate)) return doc;
  const revision = streamRevision !== undefined ? streamRevision : await eventStore.streamRevision(loanStream(doc.id));
  const owed = (await owedNow(eventStore, doc.id, businessDate, revision))?.figures;
  return owed ? { ...doc, ...owed } : doc;
}

/**
 * The account centre's loan lines (status, balance and next due) and per-currency totals as a
 * payment on `businessDate` finds them. Each line on the book shows the status its loan's summary
 * shows (toLoanSummaryView: before the first close, the standing that close will record, so the
 * account centre no longer said `active` where the loan said `overdue`, qa17). A line whose loan
 * may owe an uncharged penalty (its summary document, mayOweUnchargedPenalty) is re-read from the
 * log through owedNow, and the totals are summed again from the lines (totalsOf, the projection's
 * own). Unchanged when no line needs it.
 */
export async function accountOwedOn(readStore: ReadStore, eventStore: EventStore, doc: Pick<CustomerAccountDoc, 'loans' | 'totals'>, businessDate: string): Promise<Pick<CustomerAccountDoc, 'loans' | 'totals'>> {
  let changed = false;
  const closed = await closedThroughInSummaries(readStore);
  const loans = await Promise.all(doc.loans.map(async (line) => {
    if (line.status !== 'active' && line.status !== 'overdue') return line;
    const summary = await loanSummaryDoc(readStore, line.loanId);
    if (!summary) return line;
    const { status } = toLoanSummaryView(summary, closed);
    const shown = status === line.status ? line : { ...line, status };
    if (shown !== line) changed = true;
    if (!mayOweUnchargedPenalty(summary, businessDate)) return shown;
    const owed = (await owedNow(eventStore, line.loanId, businessDate, await eventStore.streamRevision(loanStream(line.loanId))))?.figures;
    if (!owed) return shown;
    changed = true;
    return { ...shown, outstanding: owed.outstanding.total, nextDue: owed.nextDue };
  }));
  return changed ? { loans, totals: totalsOf(loans) } : { loans: doc.loans, totals: doc.totals };
}
