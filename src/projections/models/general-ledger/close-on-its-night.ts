import { loanFigures } from '../../../domain/loan/figures.js';
import { nextUnsettled } from '../../../domain/loan/installment.js';
import { installmentsOn } from '../../../domain/loan/installments-on.js';
import type { LedgerBalances } from '../../../domain/loan/ledger-accounts.js';
import { paymentRecords } from '../../../domain/loan/payment-book.js';
import { loanContext } from '../../../domain/loan/payoff.js';
import type { LoanState } from '../../../domain/loan/state.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import { processReplayMemo } from '../../../commands/bounded-replay-memo.js';

/**
 * The loan's ledger balances as its books stood at the end of `date`: only the facts dated by then
 * (a payment recorded since but dated later did not exist), accruals through `through` but never
 * past `date`, and without the penalty folded as event `withoutPenalty` (its sequence) if given.
 */
function ledgerOnTheNight(state: LoanState, date: string, through: string | null, withoutPenalty?: number): LedgerBalances {
  const penalties = withoutPenalty === undefined ? state.penalties : state.penalties.filter((p) => p.sequence !== withoutPenalty);
  const base: LoanState = { ...state, penalties };
  const later = paymentRecords(state.payments).filter((p) => p.effectiveDate > date).map((p) => p.reference);
  const installments = installmentsOn(base, date, loanContext(state), processReplayMemo);
  const view: LoanState = {
    ...base, installments, firstUnsettled: nextUnsettled(installments, 0),
    reversed: [...state.reversed, ...later], waivers: state.waivers.filter((w) => w.date <= date),
    penalties: penalties.filter((p) => p.date <= date), charges: state.charges.filter((c) => c.date <= date),
    interestAccruedThrough: through !== null && through > date ? date : through,
  };
  return loanFigures(view, date).ledger;
}

/** The loan's view on one date, without and with the close's fact. */
export interface NightView {
  date: string;
  before: LedgerBalances;
  after: LedgerBalances;
}

/** The dates after `from` and before `until` on which the loan holds a fact (payment, waiver, penalty, charge). */
function factDatesBetween(state: LoanState, from: string, until: string): string[] {
  const dates = [
    ...paymentRecords(state.payments).map((p) => p.effectiveDate), ...state.waivers.map((w) => w.date),
    ...state.penalties.map((p) => p.date), ...state.charges.map((c) => c.date),
  ].filter((d) => d > from && d < until);
  return [...new Set(dates)].sort();
}

/**
 * The latest date the loan holds a fact on (payment, waiver, penalty, charge), when `event` is one a
 * close books on its night (an accrual or a penalty), else null. A catch-up close recorded after a
 * fact dated later that moved no balance (an interest waiver before any accrual, say) books on its
 * night what that night knew, and the rest on that fact's date, as closing nightly would have:
 * without it the night's entry read the later fact in (QA 8 N2's rule for facts with no entry).
 */
export function latestFactDate(event: RecordedEvent, state: LoanState): string | null {
  if (event.type !== 'InterestAccrued' && event.type !== 'PenaltyCharged') return null;
  let latest: string | null = null;
  for (const d of factDatesBetween(state, '0000-01-01', '9999-12-31')) if (latest === null || d > latest) latest = d;
  return latest;
}

/**
 * What a close of business booked for `valueDate` would have posted on that night, when it is
 * recorded after the loan's later-dated entries up to `booked` (a catch-up over missed dates, or a
 * close's back-dated penalty): the loan's ledger without and with the close's fact (folded into
 * `state`, the loan just after `event`) on that night and on each later date the loan has a fact,
 * so each later entry is corrected on its own date and a trial balance as of any of those dates
 * shows what closing nightly shows (QA 8 N2). Empty for any other event, which is booked with the
 * loan's latest entries (JournalEntry.date). The rest of the event's difference is booked on `booked`.
 *
 * An accrual or penalty only adds recognised income and its receivable (or takes it from money
 * received in advance), so a trial balance as of any date still shows no negative receivable.
 */
export function closeOnItsNight(event: RecordedEvent, state: LoanState, valueDate: string, booked: string): NightView[] {
  let view: (date: string) => NightView;
  if (event.type === 'InterestAccrued') {
    const { from, to } = event.data as { from: string; to: string };
    view = (date) => ({ date, before: ledgerOnTheNight(state, date, from), after: ledgerOnTheNight(state, date, to) });
  } else if (event.type === 'PenaltyCharged') {
    const through = state.interestAccruedThrough;
    view = (date) => ({ date, before: ledgerOnTheNight(state, date, through, state.eventsFolded), after: ledgerOnTheNight(state, date, through) });
  } else {
    return [];
  }
  return [valueDate, ...factDatesBetween(state, valueDate, booked)].map(view);
}
