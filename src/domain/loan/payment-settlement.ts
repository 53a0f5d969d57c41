import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import type { AllocationOrder } from '../product/events.js';
import { allocateRepayment, reamortises, type AllocationResult } from './allocation.js';
import { applyAllocation } from './apply-allocation.js';
import type { PaymentRecord } from './payment-book.js';
import { forgoUnearned } from './payoff.js';
import { prepaidRowsOwe, principalOwedByRow } from './prepaid-rows.js';
import { dropRowsPastEnd, principalPaidOffOntoCurrent, reamortise, recomputedRows } from './re-amortise.js';
import { rebasedRows, sameInterests } from './running-period.js';
import { owedMinor } from './installment.js';
import type { Installment, LoanContext } from './state.js';

/** Principal owed on the rows still open, in minor units. */
export function principalOwedMinor(rows: readonly Installment[], places: number): bigint {
  let sum = 0n;
  for (const row of rows) if (!row.settled) sum += owedMinor(row, 'principal', places);
  return sum;
}

/** The context a payment is allocated in: the product's prepayment strategy unless the payment overrode it. */
function paymentContext(payment: PaymentRecord, ctx: LoanContext): LoanContext {
  if (payment.prepayment === undefined) return ctx;
  return { ...ctx, prepayment: payment.prepayment === 'reduce-term' ? 'reduce-term' : 're-amortise' };
}

/** Adds principal a re-amortisation paid to the payment's allocation, taking it out of the excess. */
function withPrincipal(result: AllocationResult, paid: Map<number, bigint>, places: number): AllocationResult {
  if (paid.size === 0) return result;
  const add = (amount: string, minor: bigint) => formatMinor(minorOf(amount, places) + minor, places);
  const zero = formatMinor(0n, places);
  const rows = new Map(result.installments.map((row) => [row.number, { ...row }]));
  let total = 0n;
  for (const [number, minor] of paid) {
    const row = rows.get(number) ?? { number, penalty: zero, fee: zero, interest: zero, principal: zero };
    rows.set(number, { ...row, principal: add(row.principal, minor) });
    total += minor;
  }
  return {
    installments: [...rows.values()].sort((a, b) => a.number - b.number),
    totals: { ...result.totals, principal: add(result.totals.principal, total), excess: add(result.totals.excess, -total) },
  };
}

/**
 * Allocates a payment on its date and applies it; under `re-amortise` or `reduce-term` the
 * principal paid ahead recomputes the remaining rows (see re-amortise.ts); under the others rows
 * not yet started stop owing for principal paid off them (prepaid-rows.ts), and the period running
 * owes interest for its days left on the principal left (running-period.ts). Once no principal is
 * owed, unearned interest of later periods is forgone.
 */
export function applyPayment(rows: Installment[], payment: PaymentRecord, order: AllocationOrder, ctx: LoanContext): AllocationResult {
  const before = rows.slice();
  let result = settlePayment(rows, payment, order, ctx);
  // Principal prepaid lowers the interest of the period running for its days left, and under
  // next-installment of the periods not started (running-period.ts); the payment is then
  // re-allocated on the re-based rows, which moves the principal it pays a little, until no row's
  // interest changes (a few rounds at most: each moves the interest by a period's rate of the last move).
  const payCtx = paymentContext(payment, ctx);
  const places = minorUnits(ctx.currency);
  let used: Installment[] | null = null;
  for (let round = 0; round < 8; round++) {
    const rebased = rebasedRows(before, rows, payment.effectiveDate, payCtx);
    if (rebased === null || sameInterests(used, rebased.rows)) break;
    used = rebased.rows.slice();
    const trial = rebased.rows;
    // Interest paid ahead that the re-based rows no longer owe is allocated again with the payment.
    let credit = 0n;
    for (const minor of rebased.credits.values()) credit += minor;
    const amount = formatMinor(minorOf(payment.amount, places) + credit, places);
    result = withInterestCredit(settlePayment(trial, { ...payment, amount }, order, ctx), rebased.credits, places);
    rows.splice(0, rows.length, ...trial);
  }
  return result;
}

/** Takes interest credited back off the allocation: a negative interest part on its row, like a payoff's credit. */
function withInterestCredit(result: AllocationResult, credits: Map<number, bigint>, places: number): AllocationResult {
  if (credits.size === 0) return result;
  const zero = formatMinor(0n, places);
  const rows = new Map(result.installments.map((row) => [row.number, { ...row }]));
  let total = 0n;
  for (const [number, minor] of credits) {
    const row = rows.get(number) ?? { number, penalty: zero, fee: zero, interest: zero, principal: zero };
    rows.set(number, { ...row, interest: formatMinor(minorOf(row.interest, places) - minor, places) });
    total += minor;
  }
  return {
    installments: [...rows.values()].sort((a, b) => a.number - b.number),
    totals: { ...result.totals, interest: formatMinor(minorOf(result.totals.interest, places) - total, places) },
  };
}

/** applyPayment on the rows as they stand (the running period's interest as scheduled). */
function settlePayment(rows: Installment[], payment: PaymentRecord, order: AllocationOrder, ctx: LoanContext): AllocationResult {
  const payCtx = paymentContext(payment, ctx);
  const places = minorUnits(ctx.currency);
  const owedBefore = principalOwedByRow(rows, places);
  const recomputed = reamortises(payCtx) ? recomputedRows(rows, payment.effectiveDate, payCtx) : null;
  let result = allocateRepayment(rows, payment.amount, payment.effectiveDate, order, payCtx);
  applyAllocation(rows, result.installments, ctx.currency);
  const excess = minorOf(result.totals.excess, places);
  if (reamortises(payCtx) && excess > 0n && principalOwedMinor(rows, places) > excess) {
    result = withPrincipal(result, reamortise(rows, excess, payment.effectiveDate, payCtx), places);
  }
  if (principalOwedMinor(rows, places) > 0n) {
    prepaidRowsOwe(rows, owedBefore, payment.effectiveDate, payCtx);
    return result;
  }
  // Paid off under re-amortise: the principal paid ahead sits on the current row, as re-amortising it would leave it.
  const moved = recomputed === null ? new Map<number, bigint>() : principalPaidOffOntoCurrent(rows, recomputed, ctx);
  forgoUnearned(rows, payment.effectiveDate, ctx);
  if (recomputed === null || moved.size === 0) return result;
  dropRowsPastEnd(rows, recomputed.current, places);
  return movedPrincipal(result, moved, recomputed.current + 1, places);
}

/** The allocation with the principal it paid on the rows in `moved` (minor units by row number) shown on row `onto` instead. */
function movedPrincipal(result: AllocationResult, moved: Map<number, bigint>, onto: number, places: number): AllocationResult {
  let total = 0n;
  const rows = new Map(result.installments.map((row) => [row.number, { ...row }]));
  for (const [number, minor] of moved) {
    const row = rows.get(number);
    if (row === undefined) continue;
    rows.set(number, { ...row, principal: formatMinor(minorOf(row.principal, places) - minor, places) });
    total += minor;
  }
  const zero = formatMinor(0n, places);
  const target = rows.get(onto) ?? { number: onto, penalty: zero, fee: zero, interest: zero, principal: zero };
  rows.set(onto, { ...target, principal: formatMinor(minorOf(target.principal, places) + total, places) });
  const isEmpty = (row: { penalty: string; fee: string; interest: string; principal: string }) => [row.penalty, row.fee, row.interest, row.principal].every((v) => minorOf(v, places) === 0n);
  return { ...result, installments: [...rows.values()].filter((row) => !isEmpty(row)).sort((a, b) => a.number - b.number) };
}
