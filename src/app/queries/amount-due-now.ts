import { minorUnits } from '../../domain/money.js';
import { formatMinor } from '../../domain/schedule/minor-units.js';
import type { EventStore } from '../../eventstore/port.js';
import { loanStream } from '../streams.js';
import { owedNow } from './owed-now.js';

/** What a summary or account line must carry to tell whether anything is due by a date. */
export interface DueNowSource {
  loanId: string;
  status: string;
  currency: string;
  nextDue: { date: string; amount: string } | null;
}

/**
 * True when the loan may owe something due on or before `businessDate`: it is open and its oldest
 * row still owed (nextDue) falls due by then. Otherwise the amount due now is zero without reading
 * the log (every row still owed falls due later).
 */
export function mayHaveAmountDue(source: Pick<DueNowSource, 'status' | 'nextDue'>, businessDate: string): boolean {
  return (source.status === 'active' || source.status === 'overdue') && source.nextDue !== null && source.nextDue.date <= businessDate;
}

/**
 * The amount due now on `businessDate` (QA 11 S2; Fineract's "total overdue" with the row due that
 * day): amountDueOn, the figures' own sum, over the loan with the penalties owed by then that no
 * close has charged yet, as a decimal string in the loan's currency. Read from the log only when
 * mayHaveAmountDue, through owedNow: remembered per loan, stream revision and business date, and
 * one replay shared with the summary's owed figures. `streamRevision`, when the caller has read the
 * stream's head already (GET loan), saves reading it again.
 */
export async function amountDueNow(eventStore: EventStore, source: DueNowSource, businessDate: string, streamRevision?: bigint | null): Promise<string> {
  const zero = formatMinor(0n, minorUnits(source.currency));
  if (!mayHaveAmountDue(source, businessDate)) return zero;
  const revision = streamRevision !== undefined ? streamRevision : await eventStore.streamRevision(loanStream(source.loanId));
  return (await owedNow(eventStore, source.loanId, businessDate, revision))?.amountDue ?? zero;
}
