import { assertAprWithinCap, computeApr } from '../apr.js';
import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';
import { generateSchedule } from '../schedule/generate.js';
import type { RescheduleLoan } from './commands.js';
import type { LoanEvent } from './events.js';
import { onOrAfterDisbursement, requireActive } from './guards.js';
import { earnedInterest, suspendedEarnedMinor } from './accrual.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { suspendedSpans } from './non-performing-days.js';
import { fmt, owed } from './installment.js';
import { loanContext } from './payoff.js';
import { paymentIsLatest } from './payment-outcome.js';
import type { Installment, LoanState } from './state.js';

function rule(code: string, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, 'rule', details);
}

/**
 * Of the interest capitalised from the `replaced` rows, what they earned on days the loan was
 * non-performing up to `date` (read from the rows, non-performing-days.ts): capitalising it is not payment, so it stays
 * out of income (QA 8 N5). Null when none.
 */
function suspendedShare(state: LoanState, replaced: readonly Installment[], date: string): string | null {
  if (state.disbursement === null) return null;
  const places = minorUnits(state.currency);
  const ctx = loanContext(state);
  const spans = suspendedSpans(state, date);
  if (spans.length === 0) return null;
  let sum = 0n;
  for (const inst of replaced) {
    const capitalised = earnedInterest(inst, date, ctx).minus(inst.waived.interest);
    if (capitalised.isNegative()) continue;
    const share = suspendedEarnedMinor(inst, date, ctx, places, spans);
    const cap = minorOf(capitalised.toFixed(), places);
    sum += share < cap ? share : cap;
  }
  return sum > 0n ? formatMinor(sum, places) : null;
}

/**
 * Re-amortizes the principal still owed on installments due after the effective date into a new
 * schedule (term and rate as given, else as before); rows already due stay as they are. Interest
 * the replaced rows earned up to the effective date (the broken period's, and under grace on
 * interest the deferred interest earned since disbursement) is never forgiven: it is capitalised,
 * added to the principal the new schedule repays (only a waiver forgives interest), so the payoff
 * on the effective date is the same before and after.
 *
 * Refused (422) when it would change neither term nor rate (RESCHEDULE_CHANGES_NOTHING), and when
 * the new schedule's APR (computed as at disbursement, on the principal rescheduled) is above the
 * product's cap (APR_CAP_EXCEEDED); the event carries that APR, which the loan then discloses.
 */
export function reschedule({ data }: RescheduleLoan, state: LoanState): LoanEvent[] {
  const terms = requireActive(state);
  const date = onOrAfterDisbursement(state, data.effectiveDate);
  if (state.lastPaymentDate !== null && date < state.lastPaymentDate) {
    rule('RESCHEDULE_BACKDATED', `Cannot reschedule before the last repayment on ${state.lastPaymentDate}`);
  }
  // The last reschedule baked every earlier day into its contract: one dated before it would charge those days twice.
  if (state.rescheduledOn !== null && date < state.rescheduledOn) {
    rule('BACKDATED_BEFORE_RESCHEDULE', `Cannot reschedule before the reschedule on ${state.rescheduledOn}`);
  }
  // A penalty, waiver or charge dated after the effective date would be dropped with the rows it sits on:
  // the reschedule, like a payment, must sort after every fact already applied.
  const lastFact = state.lastFactKey?.slice(0, 10) ?? null;
  if (lastFact !== null && !paymentIsLatest(state, date)) {
    rule('RESCHEDULE_BACKDATED', `Cannot reschedule before the servicing fact dated ${lastFact}`);
  }
  const replaced = state.installments.filter((inst) => inst.dueDate > date);
  // Money already paid towards interest or charges of a replaced row would have nowhere to go.
  if (replaced.some((inst) => (['interest', 'fee', 'penalty'] as const).some((c) => !new Dec(inst.paid[c]).isZero()))) {
    rule('RESCHEDULE_AFTER_PREPAYMENT', 'Rows after the effective date already hold interest or charge payments');
  }
  // An officer's charge on a replaced row would vanish with it: collect or waive it first.
  const replacedNumbers = new Set(replaced.map((inst) => inst.number));
  if (state.charges.some((charge) => replacedNumbers.has(charge.number))) {
    rule('RESCHEDULE_WITH_CHARGES', 'An officer-applied charge sits on a row after the effective date; collect or waive it before rescheduling');
  }
  const owedPrincipal = replaced.reduce((sum, inst) => sum.plus(owed(inst, 'principal')), new Dec(0));
  // Every replaced row's interest earned by the date: the broken period's, and under grace on
  // interest the deferred interest the first paying row collects, earned since disbursement.
  const ctx = loanContext(state);
  const capitalized = replaced.reduce((sum, inst) => {
    const earned = earnedInterest(inst, date, ctx).minus(inst.waived.interest);
    return earned.isNegative() ? sum : sum.plus(earned);
  }, new Dec(0));
  const capitalizedSuspended = suspendedShare(state, replaced, date);
  const principal = owedPrincipal.plus(capitalized);
  if (owedPrincipal.isZero()) rule('NOTHING_TO_RESCHEDULE', 'No principal falls due after the effective date');
  const term = data.term ?? replaced.length;
  if (!Number.isInteger(term) || term < 1 || term > terms.term.max) rule('TERM_OUT_OF_RANGE', `Term ${term} is outside 1–${terms.term.max}`);
  const currentRate = state.annualRate ?? terms.annualRate;
  const annualRate = data.annualRate ?? currentRate;
  // Same term and rate would only restart the due-date cycle on the effective date and capitalise the period's interest.
  if (term === replaced.length && new Dec(annualRate).eq(currentRate)) {
    rule('RESCHEDULE_CHANGES_NOTHING', `Give a term other than the ${replaced.length} periods left or a rate other than ${currentRate} %`, { term, annualRate: currentRate });
  }
  // Grace was for the original loan; a rescheduled balance repays from its first period.
  const schedule = generateSchedule({
    principal: fmt(principal, state.currency), annualRate, term, startDate: date,
    terms: { ...terms, annualRate, graceOnPrincipal: 0, graceOnInterest: 0 },
    ...(data.calendar ? { calendar: data.calendar } : {}),
  });
  // The new terms are a contract like the disbursed one: the same APR (IRR of the borrower's flows, fees included), under the same cap.
  const apr = computeApr({ netDisbursed: fmt(principal, state.currency), startDate: date, rows: schedule, currency: state.currency, frequency: terms.frequency });
  assertAprWithinCap(apr, terms.aprCap);
  return [{
    type: 'LoanRescheduled',
    data: { reason: data.reason, effectiveDate: date, annualRate, term, schedule, capitalizedInterest: fmt(capitalized, state.currency), apr,
      ...(capitalizedSuspended === null ? {} : { capitalizedSuspended }) },
  }];
}
