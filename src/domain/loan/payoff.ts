import { NO_REPLAY_MEMO, type ReplayMemo } from './replay-memo.js';
import { Dec } from '../decimal.js';
import { earnedMinor, rebasedAccrual } from './accrual.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { COMPONENTS, fmt, isSettled } from './installment.js';
import { overpaidBy, paymentIsLatest, paymentOutcome } from './payment-outcome.js';
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
 * What closes the loan on `date` when a payment dated then sorts before facts already applied (that
 * day's close-of-business penalties, which a same-day payment precedes): a payment of more than
 * everything owed is replayed there (paymentOutcome, as the repayment cap does), and the quote is
 * that amount less what it would overpay. Principal, interest and fees are what it pays of them on
 * the date; `penalties` the rest (the date's penalties as they stand after it, paid from its excess).
 */
function quoteByReplay(state: LoanState, date: string, memo: ReplayMemo): PayoffQuote {
  const c = state.currency;
  const places = minorUnits(c);
  let probe = minorOf(state.creditBalance, places);
  probe = (probe < 0n ? -probe : 0n) + 1n;
  for (const row of state.installments) for (const k of COMPONENTS) probe += minorOf(row.due[k], places);
  for (const penalty of state.penalties) probe += minorOf(penalty.amount, places);
  const payment = { reference: '\u0000payoff-quote', amount: formatMinor(probe, places), effectiveDate: date, sequence: state.eventsFolded + 1, channel: null };
  const { result, creditAfter } = paymentOutcome(state, payment, memo);
  const total = probe - overpaidBy(state, creditAfter);
  const credit = minorOf(state.creditBalance, places);
  const refundDue = credit < 0n ? -credit : 0n;
  const [principal, interest, fees] = [result.totals.principal, result.totals.interest, result.totals.fee].map((v) => minorOf(v, places)) as [bigint, bigint, bigint];
  return {
    date, principal: formatMinor(principal, places), interest: formatMinor(interest, places), fees: formatMinor(fees, places),
    penalties: formatMinor(total - refundDue - principal - interest - fees, places), refundDue: formatMinor(refundDue, places), total: formatMinor(total, places),
  };
}

/**
 * What closes the loan on `date` (payoffParts, the computation the payoff allocation uses): all
 * principal outstanding, plus interest, fees and penalties fallen due, plus penalties charged on
 * rows not yet due, plus interest earned to date by rows not yet due (the current period's, and
 * deferred interest under grace; never future interest), less interest paid ahead on rows not yet
 * due beyond what they earned (so `interest` is negative when that credit is the larger), and less
 * fees paid on rows not yet due (a fee is forgone when the loan is paid off before its row falls
 * due; `fees` is negative when that credit is the larger).
 * Allocating exactly this amount on that date leaves nothing owed and no credit.
 */
export function payoffQuote(state: LoanState, date: string, memo: ReplayMemo = NO_REPLAY_MEMO): PayoffQuote {
  if (!paymentIsLatest(state, date)) return quoteByReplay(state, date, memo);
  const c = state.currency;
  const parts = payoffParts(state.installments, date, loanContext(state));
  const credit = new Dec(state.creditBalance);
  const refundDue = credit.isNegative() ? credit.negated() : new Dec(0);
  return {
    date,
    principal: fmt(parts.principal, c),
    interest: fmt(parts.interest.minus(parts.interestCredit), c),
    fees: fmt(parts.fees.minus(parts.feeCredit), c),
    penalties: fmt(parts.penalties, c),
    refundDue: fmt(refundDue, c),
    total: fmt(parts.total.plus(refundDue), c),
  };
}

/**
 * Once all principal is repaid, interest of days not yet run and fees of periods not yet due are
 * never owed: they are cut back to what was paid or waived, so the schedule shows what the borrower
 * actually owed. Interest a row had earned by `date` beyond that stays owed (a payment can repay
 * every yuan of principal and not the interest earned on it, deferred by a grace: QA 6 #1) and
 * earns nothing more (its `accrual` from `date`). A row whose period had begun and whose interest is
 * cut is re-based on `date` too, so what it had earned by then and by every earlier day stays as it
 * was (a close that priced an earlier night before the payoff was recorded priced what the ledger books).
 */
export function forgoUnearned(installments: Installment[], date: string, ctx: LoanContext): void {
  const places = minorUnits(ctx.currency);
  installments.forEach((inst, index) => {
    if (inst.settled || inst.dueDate <= date) return;
    const collected = minorOf(inst.paid.interest, places) + minorOf(inst.waived.interest, places);
    const earned = earnedMinor(inst, date, ctx, places);
    const interest = earned > collected ? earned : collected;
    const due = { ...inst.due, interest: formatMinor(interest, places), fee: fmt(new Dec(inst.paid.fee).plus(inst.waived.fee), ctx.currency) };
    const zero = formatMinor(0n, places);
    // Re-based from `date` when its period had begun: what it earned by then, or by any earlier day, stays as it was.
    const start = ctx.deferredInterest?.number === inst.number ? ctx.deferredInterest.from : inst.fromDate;
    const rebased = earned > collected || (start < date && interest !== minorOf(inst.due.interest, places));
    const accrual = rebased ? { accrual: rebasedAccrual(inst, date, formatMinor(earned, places), zero, zero) } : {};
    const next = { ...inst, due, ...accrual };
    installments[index] = { ...next, settled: isSettled(next, ctx.currency) };
  });
}
