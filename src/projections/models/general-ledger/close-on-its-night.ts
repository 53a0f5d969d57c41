import { loanFigures } from '../../../domain/loan/figures.js';
import { nextUnsettled } from '../../../domain/loan/installment.js';
import { installmentsTimeline } from '../../../domain/loan/installments-on.js';
import type { LedgerBalances } from '../../../domain/loan/ledger-accounts.js';
import { paymentRecords } from '../../../domain/loan/payment-book.js';
import { loanContext } from '../../../domain/loan/payoff.js';
import type { LoanState } from '../../../domain/loan/state.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import { processReplayMemo } from '../../../commands/bounded-replay-memo.js';

/**
 * The loan's ledger balances as its books stood at the end of `date`, for each date asked: only the
 * facts dated by then (a payment recorded since but dated later did not exist), accruals through
 * `through` but never past `date`, and without the penalty folded as event `withoutPenalty` (its
 * sequence) if given. One replay answers every date (installmentsTimeline).
 */
function ledgerOnTheNights(state: LoanState, through: string | null, withoutPenalty?: number): (date: string) => LedgerBalances {
  const penalties = withoutPenalty === undefined ? state.penalties : state.penalties.filter((p) => p.sequence !== withoutPenalty);
  const base: LoanState = { ...state, penalties };
  const timeline = installmentsTimeline(base, loanContext(state), processReplayMemo);
  return (date) => {
    const later = paymentRecords(state.payments).filter((p) => p.effectiveDate > date).map((p) => p.reference);
    const installments = timeline.at(date);
    const view: LoanState = {
      ...base, installments, firstUnsettled: nextUnsettled(installments, 0),
      reversed: [...state.reversed, ...later], waivers: state.waivers.filter((w) => w.date <= date),
      penalties: penalties.filter((p) => p.date <= date), charges: state.charges.filter((c) => c.date <= date),
      interestAccruedThrough: through !== null && through > date ? date : through,
    };
    return loanFigures(view, date).ledger;
  };
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
 * The latest date the loan holds a fact on (payment, waiver, penalty, charge): what a close's fact
 * booked on its night (closesOnItsNight) books the rest on at least. A catch-up close recorded after a
 * fact dated later that moved no balance (an interest waiver before any accrual, say) books on its
 * night what that night knew, and the rest on that fact's date, as closing nightly would have:
 * without it the night's entry read the later fact in (QA 8 N2's rule for facts with no entry).
 */
export function latestFactDate(state: LoanState): string | null {
  let latest: string | null = null;
  for (const d of factDatesBetween(state, '0000-01-01', '9999-12-31')) if (latest === null || d > latest) latest = d;
  return latest;
}

/** A close-of-business fact (accrual, overdue row, penalty, class move), not one a payment, waiver, write-off or reversal recorded. */
export function isCloseFact(event: RecordedEvent): boolean {
  if (event.type !== 'InterestAccrued' && event.type !== 'InstallmentOverdue' && event.type !== 'PenaltyCharged' && event.type !== 'LoanClassified') return false;
  return (event.data as { reason?: unknown }).reason === undefined;
}

/**
 * Whether `event` is a close of a missed date, booked on its own night (closeOnItsNight) rather than
 * with the loan's latest entries: an accrual or penalty a close records for a night no close had
 * judged the loan on before this close (a catch-up, a loan keyed in late), that is after
 * `judgedThrough` (its last close) and either the night of the close recording it (`closedOn`: that
 * close is the night's only one) or outside the spans it lay closed or overpaid (`dormant`: no close
 * visits such a loan, so a close of a later night recording a fact dated in them had judged it,
 * nothing being owed). One for a night already
 * judged (a penalty a reversal or back-dated payment made owed for a row that close found paid in
 * time, a month-end a paid-off loan reopened by a reversal now accrues) is a late correction like the
 * fact that caused it, and so is a penalty a payment, waiver, write-off or reversal records first
 * (`reason` set): booked on the loan's latest booking date, its value date kept, so no trial balance
 * of a date already closed moves (QA 12 Q4).
 */
export function closesOnItsNight(event: RecordedEvent, closedOn: string, judgedThrough: string | null, dormant: readonly { from: string; to: string }[]): boolean {
  if (!isCloseFact(event) || (event.type !== 'InterestAccrued' && event.type !== 'PenaltyCharged')) return false;
  const night = (event.data as { date: string }).date;
  if (judgedThrough !== null && night <= judgedThrough) return false;
  // The night's own close records it: a business date is closed once, so no close judged that night
  // before, dormant or not (a catch-up after a reversal reopened a loan paid off while no close ran).
  if (night === closedOn) return true;
  return !dormant.some((span) => span.from <= night && night <= span.to);
}

/**
 * Whether `event` is a penalty a payment, waiver, write-off or reversal recorded first (`reason` set) for a
 * night no close had judged: after the book's last close the command was told (the event's `lastClose`; null
 * when no close had run) and the loan's own (`judgedThrough`), outside the spans it lay closed or overpaid.
 * Such a penalty is booked on its night, as that night's close would have booked it (closeOnItsNight): as a
 * late correction it went to the loan's latest booking date, so on a book before its first close a penalty
 * dated 02-19, recorded by a payment on 03-02 behind a fee applied on 03-01, was booked in March where
 * closing nightly books it in February (qa21 #7). One for a night a close had judged stays a correction; so
 * does one recorded before the event carried `lastClose`.
 */
export function recordedForUnjudgedNight(event: RecordedEvent, judgedThrough: string | null, dormant: readonly { from: string; to: string }[]): boolean {
  if (event.type !== 'PenaltyCharged') return false;
  const data = event.data as { date: string; reason?: unknown; lastClose?: string | null };
  if (data.reason === undefined || data.lastClose === undefined) return false;
  const night = data.date;
  if (data.lastClose !== null && night <= data.lastClose) return false;
  if (judgedThrough !== null && night <= judgedThrough) return false;
  return !dormant.some((span) => span.from <= night && night <= span.to);
}

/**
 * What a close of business booked for `valueDate` would have posted on that night, when it is
 * recorded after the loan's later-dated entries up to `booked` (a catch-up over missed dates, or a
 * close's back-dated penalty): the loan's ledger without and with the close's fact (folded into
 * `state`, the loan just after `event`) on that night and on each later date the loan has a fact,
 * so each later entry is corrected on its own date and a trial balance as of any of those dates
 * shows what closing nightly shows (QA 8 N2). Only for a close of a missed date (closesOnItsNight):
 * any other event is booked with the loan's latest entries (JournalEntry.date). The rest of the
 * event's difference is booked on `booked`.
 *
 * An accrual or penalty only adds recognised income and its receivable (or takes it from money
 * received in advance), so a trial balance as of any date still shows no negative receivable.
 */
export function closeOnItsNight(event: RecordedEvent, state: LoanState, valueDate: string, booked: string): NightView[] {
  let before: (date: string) => LedgerBalances;
  let after: (date: string) => LedgerBalances;
  if (event.type === 'InterestAccrued') {
    const { from, to } = event.data as { from: string; to: string };
    before = ledgerOnTheNights(state, from);
    after = ledgerOnTheNights(state, to);
  } else if (event.type === 'PenaltyCharged') {
    const through = state.interestAccruedThrough;
    before = ledgerOnTheNights(state, through, state.eventsFolded);
    after = ledgerOnTheNights(state, through);
  } else {
    return [];
  }
  const view = (date: string): NightView => ({ date, before: before(date), after: after(date) });
  return [valueDate, ...factDatesBetween(state, valueDate, booked)].map(view);
}
