import type { ReplayMemo } from './replay-memo.js';
import { addDays } from '../calendar.js';
import { Dec } from '../decimal.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { applyDecidedPayment } from './decided-payments.js';
import { refreshDerived } from './derived-state.js';
import { addAmounts, fmt, subtractAmounts } from './installment.js';
import { loanContext } from './payoff.js';
import { applyCredit, applyFact, factKey, lastDayOfGrace, replayServicing, servicingFacts, stampSettled, stillUnpaid, undatedSettled, type ServicingFact } from './servicing-replay.js';
import type { LoanState, PenaltyFact } from './state.js';

/** A fact dated on or before the last close's date may change which installments were unpaid at the end of their grace. */
export function reviewPenaltiesFrom(state: LoanState, date: string): void {
  if (state.lastEodDate === null || date > state.lastEodDate) return;
  if (state.penaltyReviewFrom === null || date < state.penaltyReviewFrom) state.penaltyReviewFrom = date;
}

/**
 * Applies a new servicing fact. One that sorts after every fact so far is applied to the current
 * installments; an earlier-dated one re-runs the whole replay, so later payments are re-allocated
 * and penalties a back-dated payment makes unwarranted fall away.
 */
export function recordFact(state: LoanState, fact: ServicingFact | null, memo: ReplayMemo): void {
  if (fact !== null && fact.kind !== 'penalty') reviewPenaltiesFrom(state, fact.date);
  const order = state.terms?.allocationOrder ?? 'penalty-fee-interest-principal';
  const ctx = loanContext(state);
  const latest = fact !== null && (state.lastFactKey === null || factKey(fact.date, fact.kind) >= state.lastFactKey);
  if (fact !== null && latest && (fact.kind !== 'penalty' || penaltyStandsAsCharged(state, fact.penalty))) {
    const key = factKey(fact.date, fact.kind);
    const result = (fact.kind === 'payment' ? applyDecidedPayment(state, fact.payment, order) : null) ?? applyFact(state.installments, fact, order, ctx);
    const principalPaid = result ? result.totals.principal : fmt(new Dec(0), state.currency);
    if (result && result.totals.excess !== fmt(new Dec(0), state.currency)) {
      state.creditBalance = addAmounts(state.creditBalance, result.totals.excess, state.currency);
    }
    // A penalty or charge moves no principal unless credit already received pays some (QA 10 R9: re-summing
    // every row's principal per penalty made a far quote on a 520-row loan fold in rows²).
    let creditUsed = false;
    if (fact.kind === 'penalty' || fact.kind === 'charge') {
      const places = minorUnits(state.currency);
      const undated = undatedSettled(state.installments);
      const used = applyCredit(state.installments, minorOf(state.creditBalance, places), fact.date, order, ctx);
      if (used > 0n) state.creditBalance = subtractAmounts(state.creditBalance, formatMinor(used, places), state.currency);
      creditUsed = used > 0n;
      stampSettled(state.installments, fact.date, undated);
    }
    state.lastFactKey = key;
    // A charge may reopen a row before the oldest open one, and so may a payment allocated principal first, which takes
    // back interest or fees paid ahead on a row already settled (seedhunt13 F2: row 1 owed 18.51 again, due 02-15, while
    // the oldest open row stayed row 3, so the loan showed 0 days past due and no close marked it).
    const reopens = fact.kind === 'charge' || (result !== null && (result.totals.interest.startsWith('-') || result.totals.fee.startsWith('-')));
    refreshDerived(state, reopens ? 0 : state.firstUnsettled, creditUsed ? null : principalPaid);
  } else {
    const replay = replayServicing(state, order, ctx, [], null, null, memo);
    state.installments = replay.installments;
    state.lastFactKey = lastKey(state);
    const places = minorUnits(state.currency);
    state.creditBalance = subtractAmounts(formatMinor(replay.excessMinor, places), state.refunded, state.currency);
    refreshDerived(state);
  }
}

/**
 * True when a penalty arriving as the latest fact can be added to the rows as they are: its row still
 * owes principal, interest or fees now (so it did at the end of its grace) and it is dated the day
 * after its grace (so it was priced on the row as it stood then). Otherwise only the replay can tell:
 * a row paid after its grace but before the penalty's date still owes it, and an officer's charge
 * may have reopened a row paid in time.
 */
function penaltyStandsAsCharged(state: LoanState, penalty: PenaltyFact): boolean {
  if (state.charges.length > 0 || !stillUnpaid(state.installments, penalty.number, state.currency)) return false;
  const lastGrace = lastDayOfGrace(state, penalty.number);
  return state.terms?.penalty?.type === 'fixed' || (lastGrace !== null && penalty.date === addDays(lastGrace, 1));
}

/** The key of the latest fact still replayed (null when none is). */
function lastKey(state: LoanState): string | null {
  const facts = servicingFacts(state);
  const last = facts[facts.length - 1];
  return last ? factKey(last.date, last.kind) : null;
}
