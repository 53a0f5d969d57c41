import { asDomainEvent } from '../../commands/load-aggregate.js';
import { closeBusinessDay } from '../../domain/loan/close-of-business.js';
import { DomainError } from '../../domain/errors.js';
import { paymentRecords } from '../../domain/loan/payment-book.js';
import type { PayoffQuote } from '../../domain/loan/payoff.js';
import { owedOn, payoffOwedOn } from '../../domain/loan/penalties-owed-by.js';
import { loanFigures } from '../../domain/loan/figures.js';
import { scheduleView, type ScheduleViewRow } from '../../domain/loan/schedule-view.js';
import { standingBeforeFirstClose } from '../../domain/loan/standing-before-first-close.js';
import type { LoanState } from '../../domain/loan/state.js';
import { summarizeLoan, type LoanSummary } from '../../domain/loan/summary.js';
import { daysPastDueAt } from '../../projections/models/loan-summary/days-past-due-at.js';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import { businessDateAt } from '../business-date.js';
import { loadLoan, loanStream } from '../streams.js';
import { processLoanDecider } from '../loans/loan-decider.js';
import { processReplayMemo } from '../../commands/bounded-replay-memo.js';

export interface LoanStateAt {
  id: string;
  asOf: string;
  /** Revision of the last event folded in. */
  revision: string;
  customerId: string | null;
  summary: LoanSummary;
  schedule: { currency: string; rows: ScheduleViewRow[] };
}

const REPAYABLE = new Set(['active', 'overdue']);

/**
 * The loan as it stood at the end of the business date of `asOf` (in the lender's `timeZone`,
 * default Asia/Shanghai), as the log knows it now: every event dated by then by the date it speaks
 * for (factDateOf: a payment's effective date, a close's or a command's catch-up's `date`, not the
 * time it was recorded), back-dated ones included, folded in log order, then that date judged as its
 * close judges it (stateAtEndOf). A loan keyed in late thus reads as a loan closed nightly did
 * (QA 11 S6: it showed overdue and 次级 the day after disbursement, and no penalties on dates they
 * were owed). A disbursement that counts brings the application, assessment and approval before it
 * (its preconditions), even when they were keyed in after the date it was back-dated to. "As known
 * then" is `?revision=`. Null if nothing counts.
 */
export async function loanStateAt(eventStore: EventStore, loanId: string, asOf: string, timeZone?: string): Promise<LoanStateAt | null> {
  const limit = Date.parse(asOf);
  if (Number.isNaN(limit)) throw new RangeError(`asOf: ${asOf} is not an ISO-8601 time`);
  const date = businessDateAt(new Date(limit), timeZone);
  const at = stateAtEndOf(await eventStore.readStream(loanStream(loanId)), date, timeZone);
  if (at === null) return null;
  return {
    id: loanId, asOf, revision: at.revision.toString(), customerId: at.state.customerId,
    summary: summarizeLoan(at.state, date), schedule: scheduleView(at.state),
  };
}

/** The business date an event speaks for: its `date`, `effectiveDate` or `submittedOn`, else the business date of its occurredAt. */
export function factDateOf(event: Pick<RecordedEvent, 'data' | 'occurredAt'>, timeZone?: string): string {
  const data = event.data as { date?: unknown; effectiveDate?: unknown; submittedOn?: unknown };
  for (const value of [data.date, data.effectiveDate, data.submittedOn]) if (typeof value === 'string') return value;
  return businessDateAt(new Date(event.occurredAt), timeZone);
}

/**
 * The loan at the end of business date `date` from its stream's events: those dated by then
 * (factDateOf) and the preconditions of a disbursement that is, folded in log order, then the close
 * of `date` applied to that (closeBusinessDay, on the facts dated by then: the rows that fell due
 * unpaid, the penalties owed, the class of the days past due as of that date). Pure; null when no
 * event counts. `revision` is the last event of the stream folded.
 */
export function stateAtEndOf(events: readonly RecordedEvent[], date: string, timeZone?: string): { state: LoanState; revision: bigint } | null {
  const dated = (event: RecordedEvent) => factDateOf(event, timeZone) <= date;
  const disbursed = events.find((e) => e.type === 'LoanDisbursed' && dated(e));
  let state = processLoanDecider.initialState();
  let revision: bigint | null = null;
  for (const event of events) {
    const precondition = disbursed !== undefined && event.revision < disbursed.revision;
    if (!precondition && !dated(event)) continue;
    state = processLoanDecider.evolve(state, asDomainEvent(event));
    revision = event.revision;
  }
  if (revision === null) return null;
  for (const event of closeBusinessDay(state, date, undefined, processReplayMemo)) state = processLoanDecider.evolve(state, event);
  return { state, revision };
}

/**
 * The loan exactly as it stood just after its event at `revision` (the stream's first revision + 1
 * events folded): what the compliance timeline steps through, a state the loan really was in even
 * when later events were back-dated. `asOf` is that event's business time. Days past due are aged
 * as the loan's view aged them when that event was recorded (toLoanSummaryView): to the last close
 * then, the loan's own (`lastEodDate`) or the book's (`bookClosedBy(recordedAt)`, the latest close
 * completed by that instant), whichever is later — a loan the book's closes aged nightly with
 * nothing to record for it counts to the book's; before any close, to the business date in force
 * when that event was recorded (its `recordedAt` in the lender's `timeZone`, never earlier than the
 * latest business time folded): a disbursement back-dated two years and recorded today left a
 * loan two years past due until its payments were recorded, whatever its business time says
 * (qa-audit: a loan closed through 12-03 read one day more past due here than its view showed at
 * that revision). Its outstanding, next due and schedule are what a payment that business date
 * found owed (owedOn: the penalties owed by then that no close had charged included), as the
 * loan's view and payoff then showed them (QA 11 S9). Null when the stream has no such revision.
 */
export async function loanStateAfter(
  eventStore: EventStore, loanId: string, revision: bigint, timeZone?: string, bookClosedBy?: (instant: string) => Promise<string | null>,
): Promise<LoanStateAt | null> {
  const events = await eventStore.readStream(loanStream(loanId), { maxCount: Number(revision) + 1 });
  const last = events[events.length - 1];
  if (!last || last.revision !== revision) return null;
  let state = processLoanDecider.initialState();
  let date = businessDateAt(new Date(last.recordedAt), timeZone);
  for (const event of events) {
    state = processLoanDecider.evolve(state, asDomainEvent(event));
    const day = event.occurredAt.slice(0, 10);
    if (day > date) date = day;
  }
  // What a payment on that business date found owed, as the loan's view, schedule and payoff then showed it: the
  // penalties owed by then that no close had charged yet included (QA 11 S9: the timeline showed the recorded ones only).
  const owing = owedOn(state, date, processReplayMemo);
  const owed = owing === state ? null : loanFigures(owing);
  const book = bookClosedBy === undefined ? null : await bookClosedBy(last.recordedAt);
  const closed = book !== null && (state.lastEodDate === null || book > state.lastEodDate) ? book : state.lastEodDate;
  const recorded = summarizeLoan(state, date);
  const summary = owed === null ? recorded : { ...recorded, outstanding: owed.outstanding, nextDue: owed.nextDue };
  // Days past due as the view counts them (toLoanSummaryView): from the oldest row owed, with those penalties, to the last close.
  const aged = closed === null || summary.status === 'none'
    ? summary
    : { ...summary, daysPastDue: daysPastDueAt({ ...summary, unpaidSince: (owed ?? loanFigures(state, date)).unpaidSince }, closed) };
  return {
    id: loanId, asOf: last.occurredAt, revision: last.revision.toString(), customerId: state.customerId,
    summary: shownBeforeItsFirstClose(state, aged), schedule: scheduleView(owing),
  };
}

/**
 * A loan no close had judged yet (keyed in late, or on a book never closed) shows the standing its
 * first close will record for the days past due shown, as its view did then (loan-summary.ts,
 * standingBeforeFirstClose): the timeline stepped through such a loan's events as 正常 and active at
 * 63 days past due while its view said 关注 and overdue (stop 37's auditor test).
 */
function shownBeforeItsFirstClose(state: LoanState, summary: LoanSummary): LoanSummary {
  if (state.lastEodDate !== null || summary.status === 'none') return summary;
  const shown = standingBeforeFirstClose({ status: summary.status, flags: summary.flags, classification: summary.classification }, summary.daysPastDue);
  return { ...summary, ...shown };
}

/** The current state folded from the log (from its snapshot); null when the loan does not exist. */
export async function currentLoanState(eventStore: EventStore, loanId: string): Promise<LoanState | null> {
  const state = await loadLoan(eventStore, loanId);
  return state.status === 'none' ? null : state;
}

/** What closes the loan on `date`; only a disbursed, open loan has one, and not for a day before its disbursement, its last reschedule (a repayment could not be dated there) or its latest recorded fact. */
export function quotePayoff(state: LoanState, date: string): PayoffQuote {
  if (!REPAYABLE.has(state.status)) throw new DomainError('LOAN_NOT_REPAYABLE', `a loan that is ${state.status} has no payoff quote`, 'conflict');
  if (state.disbursement && date < state.disbursement.date) {
    throw new DomainError('PAYOFF_DATE_BEFORE_DISBURSEMENT', `payoff date ${date} is before disbursement on ${state.disbursement.date}`, 'invalid');
  }
  // A repayment may not be dated before a reschedule, so neither may the quote of one.
  if (state.rescheduledOn !== null && date < state.rescheduledOn) {
    throw new DomainError('BACKDATED_BEFORE_RESCHEDULE', `payoff date ${date} is before the reschedule on ${state.rescheduledOn}: quote a date on or after it`, 'rule');
  }
  // The quote is of the loan as every recorded fact leaves it; a date before a payment, waiver or
  // officer charge would count money paid (or charged) after it. A penalty is no such fact: a payment
  // dated before it is replayed ahead of it and voids it when it settles the row in time, as the
  // repayment cap counts it (QA 11 S7), so both refuse and accept the same dates.
  const latestFact = latestPaidOrCharged(state);
  if (latestFact !== null && date < latestFact) {
    throw new DomainError('PAYOFF_DATE_BEFORE_LATER_FACTS', `payoff date ${date} is before a payment, waiver or charge already recorded for ${latestFact}: quote a date on or after it`, 'rule', { latestFact });
  }
  return payoffOwedOn(state, date, processReplayMemo);
}

/** The latest date of a payment (not reversed), waiver or officer charge on the loan (penalties left out), or null when there is none. */
function latestPaidOrCharged(state: LoanState): string | null {
  const paid = paymentRecords(state.payments).filter((p) => !state.reversed.includes(p.reference)).map((p) => p.effectiveDate);
  const dates = [...paid, ...state.waivers.map((w) => w.date), ...state.charges.map((c) => c.date)];
  return dates.reduce<string | null>((latest, date) => (date !== null && (latest === null || date > latest) ? date : latest), null);
}
