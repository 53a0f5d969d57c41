import { NO_REPLAY_MEMO, type ReplayMemo } from './replay-memo.js';
import { nextUnsettled } from './installment.js';
import { installmentsOn } from './installments-on.js';
import { paymentRecords } from './payment-book.js';
import { loanContext } from './payoff.js';
import type { LoanState } from './state.js';

/** True when the loan holds a servicing fact (payment, waiver, penalty, officer charge) dated after `date`. */
function hasFactAfter(state: LoanState, date: string): boolean {
  return (state.lastPaymentDate !== null && state.lastPaymentDate > date)
    || state.waivers.some((w) => w.date > date) || state.penalties.some((p) => p.date > date) || state.charges.some((c) => c.date > date);
}

/**
 * The loan as close of business on `date` must judge it: only the facts with an effective date on
 * or before `date` (a payment recorded since but dated later did not exist that day), everything
 * else as it stands (terms, what closes already recorded: overdue marks, classification, accruals).
 * The state itself when nothing is dated later (every ordinary night), so the replay runs only for
 * a catch-up over missed dates or a forced past date. Pure; `state` is never changed.
 */
export function stateAsOf(state: LoanState, date: string, memo: ReplayMemo = NO_REPLAY_MEMO): LoanState {
  if (!hasFactAfter(state, date)) return state;
  const records = paymentRecords(state.payments);
  const later = records.filter((p) => p.effectiveDate > date).map((p) => p.reference);
  const lastPaymentDate = records.reduce<string | null>((latest, p) => (p.effectiveDate <= date && (latest === null || p.effectiveDate > latest) ? p.effectiveDate : latest), null);
  const upTo: LoanState = {
    ...state, reversed: [...state.reversed, ...later], waivers: state.waivers.filter((w) => w.date <= date),
    penalties: state.penalties.filter((p) => p.date <= date), charges: state.charges.filter((c) => c.date <= date),
    lastPaymentDate,
  };
  const installments = installmentsOn(state, date, loanContext(state), memo);
  return { ...upTo, installments, firstUnsettled: nextUnsettled(installments, 0) };
}
