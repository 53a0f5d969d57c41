import { addDays } from '../calendar.js';
import { closeBusinessDay } from './close-of-business.js';
import type { LoanEvent } from './events.js';
import type { LoanDecisionContext } from './reclassification.js';
import type { ReplayMemo } from './replay-memo.js';
import type { LoanState } from './state.js';

/** Events after which no close of business runs on the loan again: it owes nothing or was written off. */
const ENDING = new Set<LoanEvent['type']>(['LoanClosed', 'LoanOverpaid', 'LoanWrittenOff']);

/**
 * The last close that ran without the loan, while no close has recorded anything for it since: a loan
 * keyed in late (its disbursement recorded after closes on or after its date, `keyedInAfter`) before
 * any close caught it up. Null otherwise. A loan the closes saw from its disbursement on is never
 * behind them, even when they recorded nothing for it (a loan paid almost off on its first day accrues
 * nothing at a month-end): its later facts are corrections, booked as they come (QA 12 Q4).
 */
export function missedClosesThrough(state: LoanState): string | null {
  return state.lastEodDate === null ? state.disbursement?.keyedInAfter ?? null : null;
}

/**
 * What the closes a loan missed would have recorded, when the command's `events` end the loan
 * before any close has caught it up (QA 12 Q2). A loan keyed in late is caught up by its first
 * close, which books each month-end it missed on its own night (close-on-its-night.ts); but no close
 * runs on a loan once it is paid off or written off, so a payoff or write-off recorded before that
 * first close left the interest it earned while performing unbooked for good: a write-off lost it
 * from income and the loss, a payoff booked all of it as income on its own date. The ending command
 * therefore records, before itself and in the same append, what close of business through the last
 * close that ran without the loan (missedClosesThrough) records for it, as a payment records the
 * penalties owed by its date first; the loan is then what it would be had it been keyed in before
 * those closes, up to the day before the loan ended; when the book's closes stand before that day (or
 * none has run), every night before the loan ended. Empty when the loan missed no close before it ended, or the events do not
 * end it.
 */
export function missedCloses(state: LoanState, events: readonly LoanEvent[], context: LoanDecisionContext, memo: ReplayMemo): LoanEvent[] {
  const ending = events.find((event) => ENDING.has(event.type));
  if (ending === undefined || state.disbursement === null) return [];
  // No close runs on a loan from the day it ended: a payoff or write-off dated before the last close (keyed in with the
  // loan) missed only the closes before its own date (qa13 Q1: a payoff dated 09-25 recorded accruals dated 09-30 …
  // 11-30 and was booked on 11-30, so every month-end trial balance showed a loan that no longer existed).
  const dayBefore = addDays((ending.data as { date: string }).date, -1);
  // The nights after the book's last close (none on a book no close has run on: lastClose null) and before the loan ended
  // were closed for no loan yet, and no close visits it once ended: it missed them all. Written off on 07-15 before the
  // lender's first close, a loan booked none of the interest it earned while performing and showed 正常 at 127 days past
  // due (qa19 Q2); paid off on 09-25 while the closes stood at 06-01, a loan booked June to August's interest and fees on
  // 09-25, its penalties as income while non-performing, and never went 关注 or 次级 (qa21 #4).
  const lagging = context.lastClose === null || (context.lastClose !== undefined && context.lastClose < dayBefore);
  const through = lagging ? dayBefore : missedClosesThrough(state);
  if (through === null) return [];
  const last = dayBefore < through ? dayBefore : through;
  return last < state.disbursement.date ? [] : closeBusinessDay(state, last, context.thresholds, memo, context.lastClose ?? null);
}
