import type { ReplayMemo } from './replay-memo.js';
import { minorOf, minorUnits } from '../money.js';
import type { AllocationResult } from './allocation.js';
import { rememberDecidedPayment } from './decided-payments.js';
import { requireLoan } from './guards.js';
import type { PaymentRecord } from './payment-book.js';
import { loanContext } from './payoff.js';
import { applyPayment } from './payment-settlement.js';
import { factKey, replayServicing } from './servicing-replay.js';
import type { Installment, LoanState } from './state.js';

/** What a payment does to the loan, as the replay will apply it. */
export interface PaymentOutcome {
  result: AllocationResult;
  rows: Installment[];
  /** Credit balance after the payment (and every fact sorting after it), in minor units. */
  creditAfter: bigint;
}

/** True when a payment dated `date` sorts after every fact already applied, so it applies to the current rows. */
export function paymentIsLatest(state: LoanState, date: string): boolean {
  return state.lastFactKey === null || factKey(date) >= state.lastFactKey;
}

/**
 * Allocates `payment` as the replay will: on the current rows when it is the latest fact, else by
 * re-running every fact in replay order with it (a payment dated a close's day sorts after that
 * close's penalties, charged at the start of the day, and pays them like any charge owed). The repayment cap and the
 * payoff quote both go through here, so what the quote says closes the loan is what the cap lets in.
 */
export function paymentOutcome(state: LoanState, payment: PaymentRecord, memo: ReplayMemo): PaymentOutcome {
  const order = requireLoan(state).allocationOrder;
  const ctx = loanContext(state);
  const places = minorUnits(state.currency);
  if (paymentIsLatest(state, payment.effectiveDate)) {
    const rows = [...state.installments];
    const result = applyPayment(rows, payment, order, ctx);
    rememberDecidedPayment(state, payment, order, result, rows);
    return { result, rows, creditAfter: minorOf(state.creditBalance, places) + minorOf(result.totals.excess, places) };
  }
  const replay = replayServicing(state, order, ctx, [{ kind: 'payment', date: payment.effectiveDate, sequence: payment.sequence, payment }], null, null, memo);
  return { result: replay.allocations.get(payment.reference) as AllocationResult, rows: replay.installments, creditAfter: replay.excessMinor - minorOf(state.refunded, places) };
}

/**
 * Money a payment of `amount` on `date` would leave beyond every balance that was not there before
 * (minor units; ≤ 0 when it overpays nothing): what the repayment cap refuses, and what the payoff
 * quote is measured by.
 */
export function overpaidBy(state: LoanState, creditAfter: bigint): bigint {
  const creditBefore = minorOf(state.creditBalance, minorUnits(state.currency));
  return creditAfter - (creditBefore > 0n ? creditBefore : 0n);
}
