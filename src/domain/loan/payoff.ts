import { Dec } from '../decimal.js';
import { earnedUnpaidRows } from './allocation.js';
import { fmt, isSettled, owed } from './installment.js';
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
  };
}

/**
 * What closes the loan on `date`: all principal outstanding, plus interest, fees and penalties
 * fallen due, plus penalties charged on rows not yet due, plus interest earned to date by rows not
 * yet due (the current period's, and deferred interest under grace; never future interest).
 * Allocating exactly this amount on that date leaves nothing owed.
 */
export function payoffQuote(state: LoanState, date: string): PayoffQuote {
  const ctx = loanContext(state);
  let interest = new Dec(0);
  let fees = new Dec(0);
  let penalties = new Dec(0);
  const notDue: number[] = [];
  for (let i = state.firstUnsettled; i < state.installments.length; i++) {
    const inst = state.installments[i] as Installment;
    if (inst.settled) continue;
    // Penalties are owed once charged: a late or collection fee an officer charged may sit on a row not yet due.
    penalties = penalties.plus(owed(inst, 'penalty'));
    if (inst.dueDate <= date) {
      interest = interest.plus(owed(inst, 'interest'));
      fees = fees.plus(owed(inst, 'fee'));
    } else {
      notDue.push(i);
    }
  }
  // What allocation pays before principal when the money pays the loan off.
  for (const row of earnedUnpaidRows(state.installments, notDue, date, ctx)) interest = interest.plus(row.amount);
  const principal = new Dec(state.principalOutstanding);
  const c = ctx.currency;
  const credit = new Dec(state.creditBalance);
  const refundDue = credit.isNegative() ? credit.negated() : new Dec(0);
  return {
    date,
    principal: fmt(principal, c),
    interest: fmt(interest, c),
    fees: fmt(fees, c),
    penalties: fmt(penalties, c),
    refundDue: fmt(refundDue, c),
    total: fmt(principal.plus(interest).plus(fees).plus(penalties).plus(refundDue), c),
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
