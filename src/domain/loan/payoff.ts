import { Dec } from '../decimal.js';
import { fmt, isSettled } from './installment.js';
import { payoffParts } from './payoff-parts.js';
import type { Installment, LoanContext, LoanState } from './state.js';

export interface PayoffQuote {
  date: string;
  principal: string;
  interest: string;
  fees: string;
  penalties: string;
  /** A refund paid out against a payment since reversed, owed back (zero otherwise); included in `total`. */
  refundDue: string;
  total: string;
}

export function loanContext(state: LoanState): LoanContext {
  const grace = state.terms?.graceOnInterest ?? 0;
  // A reschedule replaces the rows after it with grace-free ones; rows before it are past due, hence fully earned.
  const deferred = grace > 0 && state.disbursement !== null && state.rescheduledOn === null;
  return {
    currency: state.currency, dayCount: state.terms?.dayCount ?? 'ACT/365', anchor: state.disbursement?.date ?? '1970-01-01',
    prepayment: state.terms?.prepaymentStrategy ?? 'last-installments',
    ...(state.terms ? { schedule: { terms: state.terms, annualRate: state.annualRate ?? state.terms.annualRate } } : {}),
    ...(deferred ? { deferredInterest: { number: grace + 1, from: (state.disbursement as { date: string }).date } } : {}),
    contract: state.contract,
  };
}

/**
 * What closes the loan on `date` (payoffParts, the computation the payoff allocation uses): all
 * principal outstanding, plus interest, fees and penalties fallen due, plus penalties charged on
 * rows not yet due, plus interest earned to date by rows not yet due (the current period's, and
 * deferred interest under grace; never future interest), less interest paid ahead on rows not yet
 * due beyond what they earned (so `interest` is negative when that credit is the larger).
 * Allocating exactly this amount on that date leaves nothing owed and no credit.
 */
export function payoffQuote(state: LoanState, date: string): PayoffQuote {
  const c = state.currency;
  const parts = payoffParts(state.installments, date, loanContext(state));
  const credit = new Dec(state.creditBalance);
  const refundDue = credit.isNegative() ? credit.negated() : new Dec(0);
  return {
    date,
    principal: fmt(parts.principal, c),
    interest: fmt(parts.interest.minus(parts.interestCredit), c),
    fees: fmt(parts.fees, c),
    penalties: fmt(parts.penalties, c),
    refundDue: fmt(refundDue, c),
    total: fmt(parts.total.plus(refundDue), c),
  };
}

/**
 * Once all principal is repaid, interest and fees of periods not yet due are never owed: they are
 * cut back to what was paid or waived, so the schedule shows what the borrower actually owed.
 */
export function forgoUnearned(installments: Installment[], date: string, currency: string): void {
  installments.forEach((inst, index) => {
    if (inst.settled || inst.dueDate <= date) return;
    const due = {
      ...inst.due,
      interest: fmt(new Dec(inst.paid.interest).plus(inst.waived.interest), currency),
      fee: fmt(new Dec(inst.paid.fee).plus(inst.waived.fee), currency),
    };
    const next = { ...inst, due };
    installments[index] = { ...next, settled: isSettled(next, currency) };
  });
}
