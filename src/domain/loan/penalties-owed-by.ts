import { NO_REPLAY_MEMO, type ReplayMemo } from './replay-memo.js';
import type { LoanEvent, PenaltyCharged, RepaymentReversed } from './events.js';
import { evolveLoan } from './evolve.js';
import { chargedPenaltyRows, penaltiesOwed } from './late-paid-penalty.js';
import { payoffQuote, type PayoffQuote } from './payoff.js';
import type { LoanState } from './state.js';

/**
 * The penalties the rule makes owed by `date` that no close has charged yet: one for each
 * installment still unpaid at the end of its last grace day when that day is before `date` (see
 * penaltiesOwed: dated the first day after the grace, priced on the row as it stood then). A
 * penalty is owed from that day whether or not a close has run since, so a payment dated on or
 * after it records it first, in its own append, and pays it like any charge owed; the payoff quote
 * for that date includes it (QA 9 Q5: paying a quote that left it out closed the loan, and no
 * close ever charged it, while paying 0.01 less cost 50.00 more). Only an open loan (active or
 * overdue) is charged, as only an open loan is closed. `reason` names the event it was recorded
 * before (not a close: the close's marks stay, see evolve).
 */
export function penaltiesOwedBy(state: LoanState, date: string, reason: string, memo: ReplayMemo = NO_REPLAY_MEMO): PenaltyCharged[] {
  if (state.status !== 'active' && state.status !== 'overdue') return [];
  return penaltiesOwed(state, date, chargedPenaltyRows(state), memo)
    .filter((event): event is PenaltyCharged => event.type === 'PenaltyCharged')
    .map((event) => ({ type: 'PenaltyCharged', data: { ...event.data, reason } }));
}

/** The loan with `events` folded into a copy (the same object when there are none): what a payment or quote on the same date decides on. */
export function foldedCopy(state: LoanState, events: readonly LoanEvent[], memo: ReplayMemo = NO_REPLAY_MEMO): LoanState {
  if (events.length === 0) return state;
  const next = structuredClone(state);
  for (const event of events) evolveLoan(next, event, memo);
  return next;
}

/**
 * What closes the loan on `date` (payoffQuote) once the penalties owed by then are charged: the
 * amount a repayment dated `date` must carry to close it, as receiveRepayment decides it, and the one
 * quote a borrower is given (payment intents, the loan view, a write-off's claim). It is the raw
 * quote plus those penalties only when no payment, waiver or refund is dated on or after them: a
 * payment dated after a penalty's date pays it first, so it pays less ahead (after a reversal of an
 * earlier payment, say, principal and earned interest are re-priced), and a waiver of the penalty's
 * date may take part of it. The raw quote is priced on a history without them, never the answer.
 */
export function payoffOwedOn(state: LoanState, date: string, memo: ReplayMemo = NO_REPLAY_MEMO): PayoffQuote {
  return payoffQuote(owedOn(state, date, memo), date, memo);
}

/**
 * The penalties a repayment's reversal on a written-off loan leaves owed by the write-off's date: the
 * reversal re-derives the write-off on that date without the payment (evolve), and the claim is what
 * the borrower then owed that day (payoffOwedOn), so a row the bounced payment had paid in time that
 * was unpaid at the end of its grace owes its penalty. No close runs on a written-off loan, so the
 * reversal records them, before itself (`reason` RepaymentReversed), and the re-derived write-off
 * takes them. None on a loan not written off: see penaltiesOwedAfterBounce.
 */
export function penaltiesOwedOnBounce(state: LoanState, reversal: RepaymentReversed, memo: ReplayMemo): PenaltyCharged[] {
  if (state.status !== 'written_off' || state.writtenOff === null) return [];
  const bounced = foldedCopy(state, [reversal], memo);
  const open: LoanState = { ...bounced, status: 'overdue', writtenOff: null };
  return penaltiesOwedBy(open, state.writtenOff.date, reversal.type, memo);
}

/**
 * The penalties a repayment's reversal leaves owed by its effective date on a loan that is open once
 * it is reversed (active or overdue; a closed or overpaid loan reopens): the replay without the
 * payment leaves rows it had paid in time unpaid at the end of their grace, and later payments now
 * pay those penalties first. The reversal records them right after itself (`reason`
 * RepaymentReversed, not a close), so the loan's figures, and the ledger that posts their
 * difference per event, show those payments as paying penalties at once, as the loan view does
 * (QA 12 Q1: the cash was booked as principal until the next payment or close recorded them). None
 * on a written-off loan (penaltiesOwedOnBounce).
 */
export function penaltiesOwedAfterBounce(state: LoanState, reversal: RepaymentReversed, memo: ReplayMemo): PenaltyCharged[] {
  if (state.status === 'written_off') return [];
  return penaltiesOwedBy(foldedCopy(state, [reversal], memo), reversal.data.effectiveDate, reversal.type, memo);
}

/**
 * The loan as a payment dated `date` finds it: the penalties owed by then that no close has
 * charged yet folded into a copy (the same object when there are none). Every amount shown as owed
 * on a business date (summary, schedule, account centre, payoff) is read from this, so paying
 * what is shown leaves nothing past due (QA 10 R1).
 */
export function owedOn(state: LoanState, date: string, memo: ReplayMemo = NO_REPLAY_MEMO): LoanState {
  return foldedCopy(state, penaltiesOwedBy(state, date, 'RepaymentReceived', memo), memo);
}

