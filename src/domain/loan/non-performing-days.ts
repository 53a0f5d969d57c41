import { addDays } from '../calendar.js';
import { DEFAULT_THRESHOLDS } from './classification.js';
import { unpaidSince } from './delinquency.js';
import type { ChargeFact, DaySpan, Installment, LoanState } from './state.js';

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
  return nonPerformingSpans(state.installments, NPA_AFTER_DAYS, state.accruingSince, through);
}

/**
 * The days after `from` through `to` on which the loan was non-performing: at that day's close
 * some installment was still owed more than `afterDays` days after its due date (days past due
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

/**
 * Whether the loan was non-performing at the close of `day`: some installment was still owed then
 * more than `afterDays` days after it became past due, read from the rows as nonPerformingSpans reads
 * them (owed through the day before its `settledOn`; one settled with no date never was). A row still
 * open owing only officer charges applied after it fell due is past due from the charge (unpaidSince):
 * a late fee applied on 12-01 to a loan paid on time does not make it non-performing (qa20 R5). Pure.
 */
export function nonPerformingOn(installments: readonly Installment[], afterDays: number, day: string, charges: readonly ChargeFact[], currency: string): boolean {
  for (const inst of installments) {
    if (addDays(inst.dueDate, afterDays + 1) > day) return false;
    if (inst.settled) {
      if (inst.settledOn !== null && inst.settledOn > day) return true;
    } else if (addDays(unpaidSince(inst, charges, currency) ?? inst.dueDate, afterDays + 1) <= day) {
      return true;
    }
  }
  return false;
}

/** Merges overlapping or adjacent spans into the fewest, oldest first. */
export function mergeSpans(spans: readonly DaySpan[]): DaySpan[] {
  const sorted = [...spans].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: DaySpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.from <= addDays(last.to, 1)) {
      if (span.to > last.to) last.to = span.to;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}
