import { closeBusinessDay } from './close-of-business.js';
import type { LoanEvent } from './events.js';
import type { LoanDecisionContext } from './reclassification.js';
import type { ReplayMemo } from './replay-memo.js';
import type { LoanState } from './state.js';

/** Events after which no close of business runs on the loan again: it owes nothing or was written off. */
const ENDING = new Set<LoanEvent['type']>(['LoanClosed', 'LoanOverpaid', 'LoanWrittenOff']);

/**
 * True when the loan has never been through a close of business although it is disbursed: a loan
 * keyed in late (its disbursement dated before closes that ran without it) before its first close.
 * Only such a loan can be behind the last close, since every close goes over every open loan.
 */
export function neverClosed(state: LoanState): boolean {
  return state.disbursement !== null && state.lastEodDate === null;
}

/**
 * What the closes a loan missed would have recorded, when the command's `events` end the loan
 * before any close has caught it up (QA 12 Q2). A loan keyed in late is caught up by its first
 * close, which books each month-end it missed on its own night (close-on-its-night.ts); but no close
 * runs on a loan once it is paid off or written off, so a payoff or write-off recorded before that
 * first close left the interest it earned while performing unbooked for good: a write-off lost it
 * from income and the loss, a payoff booked all of it as income on its own date. The ending command
 * therefore records, before itself and in the same append, what close of business through the last
 * close (`context.lastClose`) records for the loan, as a payment records the penalties owed by its
 * date first; the loan is then what it would be had it been keyed in before those closes.
 * Empty when no close is known, the loan has been closed before, it was disbursed after the last
 * close, or the events do not end it.
 */
export function missedCloses(state: LoanState, events: readonly LoanEvent[], context: LoanDecisionContext, memo: ReplayMemo): LoanEvent[] {
  const lastClose = context.lastClose;
  if (lastClose === undefined || lastClose === null || !neverClosed(state)) return [];
  if ((state.disbursement?.date ?? lastClose) > lastClose || !events.some((event) => ENDING.has(event.type))) return [];
  return closeBusinessDay(state, lastClose, context.thresholds, memo);
}
