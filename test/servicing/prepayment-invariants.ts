import { expect } from 'vitest';
import { addDays, daysBetween } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { owedMinor } from '../../src/domain/loan/installment.js';
import { loanContext, payoffQuote } from '../../src/domain/loan/payoff.js';
import { runningRow } from '../../src/domain/loan/running-period.js';
import { factKey } from '../../src/domain/loan/servicing-replay.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';

const COMPONENTS = ['penalty', 'fee', 'interest', 'principal'] as const;
const owedCents = (row: Installment) => COMPONENTS.reduce((sum, c) => sum + owedMinor(row, c, 2), 0n);

/**
 * An officer's fee on a row not yet due on `date` (beyond the schedule's own, `scheduled`): it falls
 * due with the row and no payment before then collects it (allocation.ts's scheduledFee).
 */
function officerFeeAhead(row: Installment, scheduled: Installment | undefined, date: string): bigint {
  if (row.dueDate <= date) return 0n;
  const left = minorOf(scheduled?.due.fee ?? row.due.fee, 2) - minorOf(row.paid.fee, 2);
  const ahead = owedMinor(row, 'fee', 2) - (left > 0n ? left : 0n);
  return ahead > 0n ? ahead : 0n;
}

/** What a repayment about to be recorded on a loan is checked against once it is (see afterRepayment). */
export interface RepaymentWatch {
  date: string;
  amountCents: bigint;
  /** The first due date after the payment's date (null past the last row). */
  nextDue: string | null;
  /** Everything owed on rows due on or before nextDue (but an officer's fee not yet due), plus penalties charged on later rows (owed at once). */
  billCents: bigint;
  /** The prepayment rule the payment is allocated under. */
  mode: string;
}

/**
 * Notes a repayment before it is decided, when it is the loan's latest fact (a back-dated one is
 * replayed under later facts, which may add to what is owed) on a loan that owes; null otherwise.
 */
export function watchRepayment(state: LoanState, command: LoanCommand): RepaymentWatch | null {
  if (command.type !== 'ReceiveRepayment' || (state.status !== 'active' && state.status !== 'overdue')) return null;
  const date = command.data.effectiveDate;
  if (state.lastFactKey !== null && factKey(date) < state.lastFactKey) return null;
  const next = state.installments.find((row) => row.dueDate > date);
  const nextDue = next?.dueDate ?? null;
  let billCents = 0n;
  state.installments.forEach((row, index) => {
    billCents += nextDue === null || row.dueDate <= nextDue ? owedCents(row) - officerFeeAhead(row, state.contract[index], date) : owedMinor(row, 'penalty', 2);
  });
  const override = command.data.prepayment;
  const mode = override === undefined ? loanContext(state).prepayment : override;
  return { date, amountCents: minorOf(command.data.amount, 2), nextDue, billCents, mode };
}

/**
 * Invariant 1 — a payment that covers the bill leaves the bill paid: after a repayment dated d of
 * at least everything due on or before the next due date after d, no installment falling due on or
 * before that date is left owing (so the loan is not past due the day after it). Holds under every
 * prepayment rule, `last-installments` included: only the excess over the bill prepays the last rows.
 * A payment that paid all principal may leave interest those rows earned owing (the shortfall to the payoff).
 */
export function billIsPaid(watch: RepaymentWatch, state: LoanState): void {
  if (watch.nextDue === null || watch.amountCents < watch.billCents) return;
  const nextDue = watch.nextDue;
  // A payment that paid all principal took back interest paid ahead to do so (allocation.ts, principal first, QA 8 N9):
  // a row may then owe again the interest it earned, the shortfall to the payoff, and nothing else.
  const principalFirst = state.principalOutstanding === '0.00';
  for (const [index, row] of state.installments.entries()) {
    if (row.dueDate > nextDue) continue;
    const owes = (principalFirst ? owedCents(row) - owedMinor(row, 'interest', 2) : owedCents(row)) - officerFeeAhead(row, state.contract[index], watch.date);
    expect(owes, `row ${row.number} due ${row.dueDate} after ${watch.amountCents} cents on ${watch.date} (bill ${watch.billCents})`).toBe(0n);
  }
}

/**
 * Invariant 2 — interest follows the principal: after a repayment dated d (the latest fact), while
 * the period running on d lasts, the payoff quote grows by no more than the contract rate on the
 * principal outstanding: for every later day d2 before the next due date, payoff(d2) − payoff(d) ≤
 * principal × annual rate ÷ 12 × days ÷ the period's days, plus a cent per rounding (earned
 * interest at d and at d2, and the re-based interest). Loans with interest deferred by a grace are
 * left out (their collecting row earns the grace periods' interest from the disbursement).
 */
export function interestFollowsPrincipal(watch: RepaymentWatch, state: LoanState): void {
  if (state.status !== 'active' && state.status !== 'overdue') return;
  if (loanContext(state).deferredInterest !== undefined || state.annualRate === null) return;
  const index = runningRow(state.installments, watch.date);
  if (index < 0) return;
  const row = state.installments[index] as Installment;
  const principal = minorOf(state.principalOutstanding, 2);
  const at = minorOf(payoffQuote(state, watch.date).total, 2);
  const periodDays = daysBetween(row.fromDate, row.dueDate);
  const rate = Number(state.annualRate) / 100 / 12;
  for (let d2 = addDays(watch.date, 1); d2 < row.dueDate; d2 = addDays(d2, 7)) {
    const days = daysBetween(watch.date, d2);
    const bound = Math.ceil((Number(principal) * rate * days) / periodDays) + 3;
    const grown = Number(minorOf(payoffQuote(state, d2).total, 2) - at);
    expect(grown, `payoff growth ${watch.date}→${d2} on ${principal} cents outstanding`).toBeLessThanOrEqual(bound);
  }
}
