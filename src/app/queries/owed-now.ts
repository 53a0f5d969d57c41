import { amountDueOn, loanFigures } from '../../domain/loan/figures.js';
import { owedOn } from '../../domain/loan/penalties-owed-by.js';
import type { LoanState } from '../../domain/loan/state.js';
import type { LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import type { EventStore } from '../../eventstore/port.js';
import { processReplayMemo } from '../../commands/bounded-replay-memo.js';
import type { ReplayMemo } from '../../domain/loan/replay-memo.js';
import { currentLoanState } from './loan-time-travel.js';

/** The figures of a summary a payment on the business date may find different. */
export type OwedFigures = Pick<LoanSummaryDoc, 'outstanding' | 'nextDue' | 'unpaidSince'>;

/**
 * What a payment dated the business date finds on a loan, from one owedOn (the penalties owed by
 * then that no close has charged folded in): `figures`, its outstanding and next due through
 * loanFigures (the one owner of balances), null when no uncharged penalty is owed so the stored
 * document stands; `amountDue`, amountDueOn's decimal string in the loan's currency.
 */
export interface OwedNow {
  figures: OwedFigures | null;
  amountDue: string;
}

/** OwedNow of a loan state on `businessDate` (an ISO date): one replay of its servicing (through `memo`, the process's by default), both figures. */
export function owedNowOf(state: LoanState, businessDate: string, memo: ReplayMemo = processReplayMemo): OwedNow {
  const owing = owedOn(state, businessDate, memo);
  // Outstanding and next due do not depend on the date figures are aged to.
  const figures = owing === state ? null : loanFigures(owing);
  return {
    figures: figures && { outstanding: figures.outstanding, nextDue: figures.nextDue, unpaidSince: figures.unpaidSince },
    amountDue: amountDueOn(owing, businessDate),
  };
}

/** Loans whose owed figures are remembered, at most (least recently computed dropped first). */
const MEMO_SIZE = 4_096;
const memo = new Map<string, OwedNow | null>();

/**
 * owedNowOf for the loan as the log holds it now; null for an unknown loan. Remembered per loan,
 * stream revision and business date (what it is a pure function of): replaying a loan's servicing
 * to find the penalties owed costs milliseconds, a loan past a due date is read again and again (the
 * summary, its amount due now, the account centre, the list) until the night's close, and the
 * summary and its amount due now share one replay. `revision` is the stream's head as the caller
 * read it before this call (null when it found none); the result is kept only when the loan loaded
 * is at it, so a stream that moved since is answered from the newer loan and not remembered.
 */
export async function owedNow(eventStore: EventStore, loanId: string, businessDate: string, revision: bigint | null): Promise<OwedNow | null> {
  const key = `${loanId}@${revision ?? -1n}@${businessDate}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const state = await currentLoanState(eventStore, loanId);
  const owed = state && owedNowOf(state, businessDate);
  if (state !== null && revision !== null && BigInt(state.eventsFolded - 1) === revision) {
    memo.set(key, owed);
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  }
  return owed;
}
