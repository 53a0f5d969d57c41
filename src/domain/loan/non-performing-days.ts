import { addDays } from '../calendar.js';
import { DEFAULT_THRESHOLDS } from './classification.js';
import { mergeSpans } from './day-spans.js';
import { hasLateCharges, pastDueSpansByDate } from './past-due-spans.js';
import type { DaySpan, Installment, LoanState } from './state.js';

/** Days past due beyond which a loan is non-performing and its interest suspended: the substandard boundary (> 90 days). */
export const NPA_AFTER_DAYS = DEFAULT_THRESHOLDS.substandard;

/**
 * The days through `through` on which the loan was non-performing, read from its rows as the
 * history now stands (QA 8 N3): a back-dated payment, waiver or reversal that changes when a row
 * was settled changes them, and every figure built on them follows. Counted from the day the
 * loan started accruing here (`accruingSince`: the disbursement, or a migrated loan's cut-over,
 * before which the legacy book's suspension is its opening balance).
 */
export function suspendedSpans(state: LoanState, through: string | null): DaySpan[] {
  if (through === null || state.accruingSince === null) return [];
  return nonPerformingBetween(state, state.accruingSince, through);
}

/**
 * The days after `from` through `to` on which the loan was non-performing (days past due above
 * NPA_AFTER_DAYS at that day's close). Read from the rows as they stand (nonPerformingSpans) unless
 * an officer charge was applied to a row after it fell due: then from the rows of each date
 * (past-due-spans.ts), since such a row's days past due run from the charge once all it owes is the
 * charge, and the rows as they stand do not keep when that began (an unpaid late fee dated 50 days
 * after a row paid on time suspended the loan's interest 91 days after the row's due date, while
 * its class, read from the charge, was 正常).
 */
export function nonPerformingBetween(state: LoanState, from: string, to: string): DaySpan[] {
  if (hasLateCharges(state)) return pastDueSpansByDate(state, NPA_AFTER_DAYS, from, to);
  return nonPerformingSpans(state.installments, NPA_AFTER_DAYS, from, to);
}

/**
 * Whether the loan was non-performing at the close of a day (nonPerformingBetween), for asking many
 * days of one loan: a loan with late charges is replayed once, when first asked, however many days
 * are asked. Pure.
 */
export function nonPerformingOn(state: LoanState): (day: string) => boolean {
  if (!hasLateCharges(state)) return (day) => owedBeyondOn(state.installments, NPA_AFTER_DAYS, day);
  let spans: DaySpan[] | null = null;
  return (day) => (spans ??= pastDueSpansByDate(state, NPA_AFTER_DAYS, EVERY_DAY.from, EVERY_DAY.to)).some((span) => span.from <= day && day <= span.to);
}

/** Bounds wide enough for any date a loan holds (calendar.ts accepts 1900–9999). */
const EVERY_DAY: DaySpan = { from: '1899-12-31', to: '9999-12-31' };

/** Whether some installment was owed at the close of `day` more than `afterDays` days after its due date: nonPerformingSpans of that one day, without building it. */
function owedBeyondOn(installments: readonly Installment[], afterDays: number, day: string): boolean {
  for (const inst of installments) {
    if (addDays(inst.dueDate, afterDays + 1) > day) return false;
    if (inst.settled && (inst.settledOn === null || inst.settledOn <= day)) continue;
    return true;
  }
  return false;
}

/**
 * The days after `from` through `to` on which some installment was still owed, at that day's
 * close, more than `afterDays` days after its due date (days past due
 * above the substandard threshold, classification.ts). Read from the rows as the facts leave them:
 * a row is owed at the close of every day before its `settledOn` (a fact dated that day settled
 * it). Returns merged spans, oldest first; empty when the loan performed on every one of those days.
 */
export function nonPerformingSpans(installments: readonly Installment[], afterDays: number, from: string, to: string): DaySpan[] {
  const first = addDays(from, 1);
  const spans: DaySpan[] = [];
  for (const inst of installments) {
    const start = addDays(inst.dueDate, afterDays + 1);
    if (start > to) break;
    // A row settled before settledOn was tracked counts as never late (as in delinquencySpells).
    if (inst.settled && inst.settledOn === null) continue;
    const end = inst.settled && inst.settledOn !== null ? addDays(inst.settledOn, -1) : to;
    const span = { from: start > first ? start : first, to: end < to ? end : to };
    if (span.from <= span.to) spans.push(span);
  }
  return mergeSpans(spans);
}
