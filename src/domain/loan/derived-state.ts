import { minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { isZeroText, nextUnsettled, owedMinor, subtractAmounts } from './installment.js';
import { unpaidSince } from './delinquency.js';
import type { Installment, LoanState } from './state.js';

/**
 * True when a row from `from` on is open, marked overdue by a close (or a history change recorded as one), and
 * what it owes was past due as of the loan's last close (unpaidSince): a row a back-dated payment shows paid on
 * time, left owing only an officer charge applied after that close, is not overdue until a close passes the
 * charge's date (QA 12 Q5).
 */
export function markedOverdue(state: LoanState, from: number): boolean {
  const { installments, charges, currency } = state;
  // No close of the loan's own yet: none has seen a charge-only row past due. A history change judged as of a later
  // close (judgedThrough) saw it as that close would have (seedhunt13 F4).
  const judged = state.judgedThrough ?? null;
  const recorded = state.lastEodDate ?? '0000-01-01';
  const lastClose = judged !== null && judged > recorded ? judged : recorded;
  for (let i = from; i < installments.length; i++) {
    const inst = installments[i] as Installment;
    if (inst.settled || inst.overdueSince === null) continue;
    const since = charges.length === 0 ? inst.dueDate : unpaidSince(inst, charges, currency) ?? inst.dueDate;
    if (since === inst.dueDate || since < lastClose) return true;
  }
  return false;
}

/**
 * True when `inst`, past due, was marked overdue by a close but the loan does not count it (it is active): what the
 * row owes dates from an officer charge applied after its due date, which no close the loan recorded had seen past
 * due. The next close (or a history change judging the last one) marks it again, and the loan is overdue.
 */
export function markedButNotCounted(inst: Installment, state: LoanState): boolean {
  return inst.overdueSince !== null && state.status === 'active' && state.charges.length > 0
    && unpaidSince(inst, state.charges, state.currency) !== inst.dueDate;
}

/**
 * Refreshes what the installments imply: principal owed, the oldest open row, and overdue → active
 * once it is cured. `from` is where the oldest open row can be: 0 after a replay (anything may have
 * changed); the current one after a fact applied on top (facts only settle rows, and a penalty lands
 * on a row still open). `principalPaid` is the principal the fact paid, when known, so a long loan
 * does not re-sum every row on every payment.
 */
export function refreshDerived(state: LoanState, from = 0, principalPaid: string | null = null): void {
  const places = minorUnits(state.currency);
  if (principalPaid === null) {
    let principal = 0n;
    for (const inst of state.installments) if (!inst.settled) principal += owedMinor(inst, 'principal', places);
    state.principalOutstanding = formatMinor(principal, places);
  } else if (!isZeroText(principalPaid)) {
    state.principalOutstanding = subtractAmounts(state.principalOutstanding, principalPaid, state.currency);
  }
  state.firstUnsettled = nextUnsettled(state.installments, from);
  // Cured once no open row is marked overdue: a charge can reopen an older row (unmarked) before a later one a close marked.
  // Overdue again when a history change reopens a row a close marked: a back-dated payment re-allocated ahead of a
  // later one can leave a row it had settled short (a short payoff pays principal first and leaves interest owed).
  const marked = markedOverdue(state, state.firstUnsettled);
  if (state.status === 'overdue' && !marked) {
    state.status = 'active';
    state.daysPastDue = 0;
  } else if (state.status === 'active' && marked) {
    state.status = 'overdue';
  }
}

/** A loan that owes nothing (closed or overpaid) is no longer at risk: normal, no days past due, no NPA flag. */
export function clearDelinquency(state: LoanState): void {
  state.classification = 'normal';
  state.daysPastDue = 0;
  state.flags = state.flags.filter((f) => f !== 'npa');
}
