import type { ReplayMemo } from './replay-memo.js';
import { addDays } from '../calendar.js';
import { classify, DEFAULT_THRESHOLDS, type ClassificationThresholds } from './classification.js';
import { accrue } from './close-of-business.js';
import type { LoanCommand } from './commands.js';
import { daysPastDue, pastDueInstallments } from './delinquency.js';
import { markedButNotCounted } from './derived-state.js';
import type { LoanEvent } from './events.js';
import { evolveLoan } from './evolve.js';
import { fmt, owedTotal } from './installment.js';
import { minorOf, minorUnits } from '../money.js';
import { missedClosesThrough } from './missed-closes-through.js';
import { foldedCopy, penaltiesOwedBy } from './penalties-owed-by.js';
import { loanContext } from './payoff.js';
import { principalFirstFloor } from './principal-first-floor.js';
import { factKey } from './servicing-replay.js';
import { stateAsOf } from './state-as-of.js';
import type { LoanState } from './state.js';

/**
 * What the command pipeline knows beside a loan command: the last business date close of business
 * completed (null before the first close; absent, the decider leaves the class to the next close),
 * and the thresholds the close classifies with.
 */
export interface LoanDecisionContext {
  lastClose?: string | null;
  thresholds?: ClassificationThresholds;
}

/**
 * The one rule of a loan's class: classify(days past due as of the last close), the days counted
 * from the due date of the oldest installment still owed on the loan as its facts now stand, to the
 * last closed business date. Close of business applies it at each close; a command that changes the
 * history (a reversal, a back-dated repayment, a waiver, a charge, a reschedule…) applies it in the
 * same append (Fineract re-evaluates delinquency on each transaction). Only a loan that is active or
 * overdue is classified: one that owes nothing is normal (LoanClosed, LoanOverpaid) and a
 * written-off one keeps the class it was written off in.
 */
export function classificationAsOf(state: LoanState, lastClose: string, thresholds: ClassificationThresholds = DEFAULT_THRESHOLDS): { to: LoanState['classification']; dpd: number } {
  const dpd = daysPastDue(state.installments, state.firstUnsettled, lastClose, state.charges, state.currency);
  return { to: classify(dpd, thresholds), dpd };
}

/**
 * The date a loan's days past due are counted to on business date `date` (a command's date): the
 * last close (the later of the pipeline's and the loan's own), or `date` when that is earlier or no
 * close is known. The loan view, its class and the write-off threshold all count to it.
 */
export function dpdCountedTo(state: LoanState, date: string, lastClose: string | null | undefined): string {
  if (lastClose === undefined || lastClose === null) return date;
  const closed = state.lastEodDate !== null && state.lastEodDate > lastClose ? state.lastEodDate : lastClose;
  return closed < date ? closed : date;
}

/**
 * Whether deciding the command on this state may use the last close: to reclassify the loan, to
 * count days past due for a write-off, or to catch up a loan never closed that the command may end.
 * A repayment that only pays (see `onlyPays`) on a loan closed before never does.
 */
export function needsLastClose(command: LoanCommand, state: LoanState): boolean {
  if (command.type === 'RequestWriteOff' || command.type === 'ApproveWriteOff') return true;
  // A loan no close has caught up may be ended by the command, which then records the closes it missed first (missed-closes.ts).
  if (command.type !== 'CloseBusinessDay' && missedClosesThrough(state) !== null) return true;
  return !NEVER_RECLASSIFY.has(command.type) && !onlyPays(command, state);
}

/**
 * A repayment dated on or after every fact so far, on a normal loan owing no row due before its date, below the least payment that
 * pays all principal (principalFirstFloor): it only pays, so it cannot raise the days past due,
 * move the class or leave a row unpaid past its grace (the hot path; nothing to fold twice). One at
 * or above that floor may be allocated principal first (payoff-parts.ts), taking back interest paid
 * ahead on a row already due: that row is then unpaid again, from the payment's date (seedhunt13 F2:
 * 1 562.57 dated 02-14, recorded after the close of 02-19, left row 1 owing 18.51 past its grace and
 * no close had charged its penalty).
 */
function onlyPays(command: LoanCommand, state: LoanState): boolean {
  return command.type === 'ReceiveRepayment' && state.classification === 'normal'
    && (state.lastFactKey === null || factKey(command.data.effectiveDate) >= state.lastFactKey)
    && !owesRowDueBefore(state, command.data.effectiveDate)
    && belowPrincipalFirst(command.data.amount, command.data.effectiveDate, state);
}

/**
 * Whether a row due before `date` is still owed: a payment dated then may first record the penalty no close has
 * charged for it, which carries the last close (decider.ts withLastClose, qa21 #7). On-time payments stay on the hot path.
 */
function owesRowDueBefore(state: LoanState, date: string): boolean {
  const row = state.installments[state.firstUnsettled];
  return row !== undefined && row.dueDate < date;
}

/** Whether `amount` (decimal text, unchecked) is below principalFirstFloor on `date`; false when it cannot be read. */
function belowPrincipalFirst(amount: string, date: string, state: LoanState): boolean {
  try {
    const places = minorUnits(state.currency);
    return minorOf(amount, places) < principalFirstFloor(state.installments, date, loanContext(state));
  } catch {
    return false;
  }
}

/** Commands that never change what a loan's installments owe, or leave it outside the five categories' moves. */
const NEVER_RECLASSIFY = new Set<LoanCommand['type']>([
  'SubmitApplication', 'RecordAssessment', 'Approve', 'Reject', 'Withdraw', 'CloseBusinessDay',
  'RequestWriteOff', 'ApproveWriteOff', 'ReceiveRecovery', 'RefundOverpayment',
]);

/**
 * What close of business would have recorded of the command's history change, in the same append:
 * the penalties the closes through the last one would have charged on the changed history and did
 * not (penaltiesOwedBy as of the last close: a back-dated payment allocated principal first, or a
 * bounce, leaves a row unpaid at the end of a grace day already closed; seedhunt13 F2), then
 * InstallmentOverdue for each row it leaves past due as of the last close that no close saw unpaid
 * (the loan is then overdue, as the close would have made it), and the LoanClassified events (none,
 * one or two) that bring the loan's class to the rule above once the command's `events` are folded,
 * each dated by the facts that moved it, never before them (QA 8 N7):
 * - as of the last close, judged on the facts dated by then (stateAsOf, as the close itself judges
 *   a date): dated the last close, the date the days past due are counted to, which keeps close of
 *   business's own date checks intact;
 * - then, when facts dated after the last close (a payment between closes) leave a different class,
 *   the class of the days past due the loan shows now (counted to the last close, on every fact),
 *   dated the latest of those facts (QA 11 S1: the loan showed DPD 0 and stayed 关注 until the
 *   night's close). That night's close, judging its own date on the same facts, then finds nothing
 *   to move unless another day of arrears crosses a threshold.
 * Their `reason` is the event that moved the class. A repayment that only pays (`onlyPays`) records nothing here.
 */
export function reclassification(command: LoanCommand, state: LoanState, events: readonly LoanEvent[], context: LoanDecisionContext, memo: ReplayMemo): LoanEvent[] {
  if (context.lastClose === undefined || events.length === 0 || NEVER_RECLASSIFY.has(command.type)) return [];
  // A close still running has closed this loan already when the loan carries its date, as has a command that caught it up
  // (missed-closes.ts), on a book no close has completed too: a reversal recorded before the first close moves the class
  // as of the night before its date, as it does recorded on its date with the closes nightly.
  const lastClose = state.lastEodDate !== null && (context.lastClose === null || state.lastEodDate > context.lastClose) ? state.lastEodDate : context.lastClose;
  if (lastClose === null) return [];
  if (onlyPays(command, state)) return [];
  const reason = events[0]?.type ?? command.type;
  const changed = structuredClone(state);
  for (const event of events) evolveLoan(changed, event, memo);
  if (changed.status !== 'active' && changed.status !== 'overdue') return [];
  // Nothing for a loan the closes have not seen yet (keyed in late, its disbursement and every command before its first
  // close): that close, or the command that ends it first (missed-closes.ts), judges each night it missed as the close of
  // that night would, its penalties, overdue rows and class moves each on its night (qa21: the disbursement keyed in after
  // the close of 06-01 recorded 关注 dated 06-01 at 61 days past due for a loan 关注 from 04-02, and 正常 → 关注 → 正常 on
  // 06-01 for loans paid on time, before their payments were keyed in). Its view shows meanwhile the standing that close
  // will record (loan-summary.ts, standingBeforeFirstClose).
  if (command.type === 'Disburse' || missedClosesThrough(changed) !== null) return [];
  // The penalties the closes through the last one would have charged on the history so changed (a row the command
  // leaves unpaid at the end of a grace day those closes judged), recorded now, as those closes are past.
  const penalties = penaltiesOwedBy(changed, lastClose, reason, memo);
  const folded = foldedCopy(changed, penalties, memo);
  // The last close is judged on the facts dated by then (stateAsOf, as the close itself judges a date): a fact
  // dated after it did not exist that day, so it moves nothing as of it; the next close judges it on its own
  // date (QA 8 N7: a cure was dated the close before the payment that caused it, and nightly ≠ catch-up).
  const next = stateAsOf(folded, lastClose, memo);
  const { overdue, judged, atClose } = judgedAtClose(next, lastClose, reason, context, memo);
  // The interest the closes through the last one would post on the history so changed and did not (a bounce
  // reopening principal on a loan they found owing none earns for days they judged): a late correction, as the
  // penalties above, owed when the closes, judging each night as it stood, would now post something, and priced on
  // the loan as it now stands (every fact, the overdue rows just judged), as the ledger books it. Not for a loan the
  // closes have not seen yet, which its first close catches up; a payment dated after the last close that pays
  // interest non-performing days earned records none: that is income when paid, booked with it.
  const accruals = accrue(judged, lastClose, memo).length > 0 ? lateAccruals(foldedCopy(folded, overdue, memo), lastClose, reason, memo) : [];
  const current = judged.classification;
  // The class the log gives the last close: the loan's class, unless facts dated after that close (a payment
  // between closes) have moved it since (QA 11 S1), when it is what the close judged on the facts before them.
  const before = stateAsOf(state, lastClose, memo);
  const closeClass = before === state ? current : judgedAtClose(before, lastClose, reason, context, memo).atClose.to;
  // A move that moves nothing is none (a reschedule resets the class: one on 03-16 of a loan 关注 on 03-15 recorded
  // 正常 → 正常 dated 03-15, after that night's 关注).
  const moves: LoanEvent[] = atClose.to === closeClass || atClose.to === current ? [] : [{ type: 'LoanClassified', data: { from: current, to: atClose.to, dpd: atClose.dpd, date: lastClose, reason } }];
  const moved = moves.length > 0 ? atClose.to : current;
  // Facts dated after the last close count in the days past due the loan shows now: its class follows them at once.
  let final = atClose;
  if (next !== folded) {
    const shown = structuredClone(folded);
    for (const event of overdue) evolveLoan(shown, event, memo);
    final = classificationAsOf(shown, lastClose, context.thresholds);
  }
  const date = next === folded ? lastClose : latestFactDate(folded, lastClose);
  // Not ahead of nights no close has judged yet (the book's closes lagging behind a fact dated days after the last):
  // those closes judge each on its night. A payment dated 03-16 with the closes at 02-16 recorded 关注 → 正常 dated 03-16,
  // its days past due counted to 02-16, for a loan past due again since 03-15's row.
  if (final.to === moved || date > addDays(lastClose, 1)) return [...penalties, ...overdue, ...moves, ...accruals];
  return [...penalties, ...overdue, ...moves, ...accruals, { type: 'LoanClassified', data: { from: moved, to: final.to, dpd: final.dpd, date, reason } }];
}

/**
 * The class move that facts dated the day after the last close (a payment between closes) make, as
 * reclassification records it with them (QA 11 S1), on a loan whose nights were just caught up
 * through `lastClose` by a command that ends it (missed-closes.ts): that command records it first,
 * since reclassification records nothing for an ended loan. Closed nightly, the payment had recorded
 * the move; on a book whose closes lagged, the payment dated days after the last close moved nothing
 * ahead of those nights, and the payoff that caught them up closed the loan 可疑 where closed nightly
 * it was 次级 (qa21 #4, seed 846079228). None when nothing moves. `reason`: the ending command's event.
 */
export function classMovedBetweenCloses(state: LoanState, lastClose: string, reason: string, context: LoanDecisionContext, memo: ReplayMemo): LoanEvent[] {
  if (state.status !== 'active' && state.status !== 'overdue') return [];
  if (stateAsOf(state, lastClose, memo) === state) return [];
  const date = latestFactDate(state, lastClose);
  if (date > addDays(lastClose, 1)) return [];
  const shown = classificationAsOf(state, lastClose, context.thresholds);
  if (shown.to === state.classification) return [];
  return [{ type: 'LoanClassified', data: { from: state.classification, to: shown.to, dpd: shown.dpd, date, reason } }];
}

/** accrue through `lastClose`, as it stands, each event naming the `reason` it is recorded for; none for a loan its closes kept up with. */
function lateAccruals(current: LoanState, lastClose: string, reason: string, memo: ReplayMemo): LoanEvent[] {
  return accrue(current, lastClose, memo, 'as-it-stands').map((event) => ({ ...event, data: { ...event.data, reason } }) as LoanEvent);
}

/**
 * The last close judged on `asOf` (the loan's facts dated by then): InstallmentOverdue for each row
 * past due as of it that no close saw unpaid (not a close: their `reason` says so, and the next
 * close still judges these rows' penalties, QA 8 N1), the state with them folded, and its class.
 */
function judgedAtClose(asOf: LoanState, lastClose: string, reason: string, context: LoanDecisionContext, memo: ReplayMemo): { overdue: LoanEvent[]; judged: LoanState; atClose: { to: LoanState['classification']; dpd: number } } {
  // A row a close marked that the loan no longer counts overdue although it is past due as of the last close (it owes
  // only a charge applied after its due date, which a close since that charge found past due but recorded nothing
  // for: seedhunt13 F4) is judged again as of that close, as close of business marks it again.
  const overdue: LoanEvent[] = pastDueInstallments(asOf.installments, asOf.firstUnsettled, lastClose, asOf.charges, asOf.currency)
    .filter((inst) => inst.overdueSince === null || markedButNotCounted(inst, asOf))
    .map((inst) => ({ type: 'InstallmentOverdue', data: { number: inst.number, dueDate: inst.dueDate, amountDue: fmt(owedTotal(inst), asOf.currency), date: lastClose, reason } }));
  const judged = overdue.length === 0 ? asOf : structuredClone(asOf);
  for (const event of overdue) evolveLoan(judged, event, memo);
  return { overdue, judged, atClose: classificationAsOf(judged, lastClose, context.thresholds) };
}

/** The latest effective date of the loan's servicing facts (payments, waivers, penalties, officer charges), or `floor` when none is later. */
function latestFactDate(state: LoanState, floor: string): string {
  const dates = [state.lastPaymentDate ?? floor, ...state.waivers.map((w) => w.date), ...state.penalties.map((p) => p.date), ...state.charges.map((c) => c.date)];
  return dates.reduce((latest, date) => (date > latest ? date : latest), floor);
}
