import { amountDueOn } from '../../domain/loan/figures.js';
import { minorUnits } from '../../domain/money.js';
import { owedOn } from '../../domain/loan/penalties-owed-by.js';
import { formatMinor } from '../../domain/schedule/minor-units.js';
import type { EventStore } from '../../eventstore/port.js';
import { loanStream } from '../streams.js';
import { currentLoanState } from './loan-time-travel.js';
import { processReplayMemo } from '../../commands/bounded-replay-memo.js';

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

/** Loans whose amount due now is remembered, at most (least recently computed dropped first). */
const MEMO_SIZE = 4_096;
const memo = new Map<string, string>();

/**
 * The amount due now on `businessDate` (QA 11 S2; Fineract's "total overdue" with the row due that
 * day): amountDueOn, the figures' own sum, over the loan with the penalties owed by then that no
 * close has charged yet (owedOn), as a decimal string in the loan's currency. Read from the log
 * only when mayHaveAmountDue; remembered per loan, stream revision and business date (what it is a
 * pure function of), like the owed figures beside it (owed-today.ts). `streamRevision`, when the
 * caller has read the stream's head already (GET loan), saves reading it again.
 */
export async function amountDueNow(eventStore: EventStore, source: DueNowSource, businessDate: string, streamRevision?: bigint | null): Promise<string> {
  if (!mayHaveAmountDue(source, businessDate)) return formatMinor(0n, minorUnits(source.currency));
  const revision = streamRevision !== undefined ? streamRevision : await eventStore.streamRevision(loanStream(source.loanId));
  const key = `${source.loanId}@${revision ?? -1n}@${businessDate}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const state = await currentLoanState(eventStore, source.loanId);
  if (state === null) return formatMinor(0n, minorUnits(source.currency));
  const due = amountDueOn(owedOn(state, businessDate, processReplayMemo), businessDate);
  if (revision !== null && BigInt(state.eventsFolded - 1) === revision) {
    memo.set(key, due);
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  }
  return due;
}
