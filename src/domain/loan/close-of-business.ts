import { addDays, endOfMonth, parseDate } from '../calendar.js';
import { classify, DEFAULT_THRESHOLDS, type ClassificationThresholds } from './classification.js';
import { daysPastDue, pastDueInstallments, penaltyDue } from './delinquency.js';
import { chargedPenaltyRows, latePaidPenalties } from './late-paid-penalty.js';
import type { LoanEvent } from './events.js';
import { evolveLoan } from './evolve.js';
import { recognisedInterest } from './figures.js';
import { fmt, owedTotal } from './installment.js';
import { formatMinor } from '../schedule/minor-units.js';
import { minorUnits } from '../money.js';
import type { Installment, LoanState } from './state.js';

/** Due date of the first installment falling due after `date`, by binary search (installments are date-ordered). */
function nextDueDate(installments: readonly Installment[], date: string): string | null {
  let lo = 0;
  let hi = installments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((installments[mid] as Installment).dueDate <= date) lo = mid + 1;
    else hi = mid;
  }
  return installments[lo]?.dueDate ?? null;
}

const penaltyNumber = (event: LoanEvent) => (event.type === 'PenaltyCharged' ? event.data.number : 0);

/** Posts interest earned since the last posting, but only once a month-end or a due date has been reached. */
function accrue(state: LoanState, date: string): LoanEvent[] {
  const from = state.interestAccruedThrough;
  // NPA loans stop accruing (Fineract, Frappe): income that will likely never be collected is not booked.
  if (from === null || date <= from || state.flags.includes('npa')) return [];
  const monthEnd = endOfMonth(addDays(from, 1));
  const due = nextDueDate(state.installments, from);
  if (monthEnd > date && (due === null || due > date)) return [];
  // What accrual adds is what the loan's figures recognise through `date` beyond `from`: waived
  // interest is never accrued, and interest already paid was recognised when paid.
  const amount = recognisedInterest(state, date) - recognisedInterest(state, from);
  if (amount <= 0n) return [];
  return [{ type: 'InterestAccrued', data: { date, from, to: date, amount: formatMinor(amount, minorUnits(state.currency)) } }];
}

/** A copy of the loan with `events` folded. */
function folded(state: LoanState, events: readonly LoanEvent[]): LoanState {
  const next = structuredClone(state);
  for (const event of events) evolveLoan(next, event);
  return next;
}

/**
 * Close of business for one loan on `date`: emits only what changed (an installment fell due
 * unpaid, a penalty, a classification move, a month-end or due-date accrual). Running a date
 * twice, or a date before the last one processed, emits nothing.
 */
export function closeBusinessDay(state: LoanState, date: string, thresholds: ClassificationThresholds = DEFAULT_THRESHOLDS): LoanEvent[] {
  parseDate(date);
  if (state.status !== 'active' && state.status !== 'overdue') return [];
  if (state.disbursement === null || date < state.disbursement.date) return [];
  if (state.lastEodDate !== null && date < state.lastEodDate) return [];
  const terms = state.terms;
  const events: LoanEvent[] = [];
  const penalties: LoanEvent[] = [];
  const charged = chargedPenaltyRows(state);
  for (const inst of pastDueInstallments(state.installments, state.firstUnsettled, date)) {
    if (inst.overdueSince === null) {
      events.push({ type: 'InstallmentOverdue', data: { number: inst.number, dueDate: inst.dueDate, amountDue: fmt(owedTotal(inst), state.currency), date } });
    }
    // A reschedule dated after this day already settled what its kept rows owe: no penalty lands before it.
    if ((state.rescheduledOn !== null && date < state.rescheduledOn) || charged.has(inst.number)) continue;
    const penalty = penaltyDue(inst, date, terms?.penalty ?? null, state.currency, terms?.roundingMode ?? 'HALF_EVEN');
    if (penalty.gt(0)) penalties.push({ type: 'PenaltyCharged', data: { number: inst.number, amount: fmt(penalty, state.currency), date } });
  }
  penalties.push(...latePaidPenalties(state, date, charged));
  events.push(...penalties.sort((a, b) => penaltyNumber(a) - penaltyNumber(b)));
  // The class is that of the loan as the close leaves it: a penalty on an installment paid late
  // reopens it (rare, so the fold is too).
  const closed = penalties.length === 0 ? state : folded(state, events);
  const dpd = daysPastDue(closed.installments, closed.firstUnsettled, date);
  const to = classify(dpd, thresholds);
  if (to !== state.classification) events.push({ type: 'LoanClassified', data: { from: state.classification, to, dpd, date } });
  return [...events, ...accrue(state, date)];
}
