import { Dec, type Decimal } from '../decimal.js';
import type { AllocationOrder } from '../product/events.js';
import { allocateRepayment, type AllocationResult } from './allocation.js';
import type { InstallmentAllocation } from './events.js';
import { addAmounts, COMPONENTS, isSettled, isZeroText, zeroComponents } from './installment.js';
import type { PaymentRecord } from './payment-book.js';
import type { Installment, LoanContext } from './state.js';

/** Adds the allocation's amounts to the paid columns, replacing each touched installment (never mutating it). */
export function applyAllocation(installments: Installment[], rows: readonly InstallmentAllocation[], currency: string): void {
  for (const row of rows) {
    const index = row.number - 1;
    const inst = installments[index] as Installment;
    const paid = { ...inst.paid };
    for (const c of COMPONENTS) {
      if (!isZeroText(row[c])) paid[c] = addAmounts(paid[c], row[c], currency);
    }
    const next = { ...inst, paid };
    installments[index] = { ...next, settled: isSettled(next, currency) };
  }
}

/** Payments in the order allocation runs them: effective date, then arrival. */
export function inDateOrder(payments: Iterable<PaymentRecord>): PaymentRecord[] {
  return [...payments].sort((a, b) => (a.effectiveDate === b.effectiveDate ? a.sequence - b.sequence : a.effectiveDate < b.effectiveDate ? -1 : 1));
}

export interface Reallocation {
  installments: Installment[];
  results: Map<string, AllocationResult>;
  creditBalance: Decimal;
}

/**
 * Re-runs allocation of every payment in date order from unpaid installments, as Fineract does
 * for a backdated transaction; deterministic, so decide and evolve derive the same balances.
 */
export function reallocate(installments: readonly Installment[], payments: PaymentRecord[], order: AllocationOrder, ctx: LoanContext): Reallocation {
  const rows = installments.map((inst) => {
    const reset = { ...inst, paid: zeroComponents(ctx.currency) };
    return { ...reset, settled: isSettled(reset, ctx.currency) };
  });
  const results = new Map<string, AllocationResult>();
  let creditBalance = new Dec(0);
  for (const payment of inDateOrder(payments)) {
    const result = allocateRepayment(rows, payment.amount, payment.effectiveDate, order, ctx);
    applyAllocation(rows, result.installments, ctx.currency);
    results.set(payment.reference, result);
    creditBalance = creditBalance.plus(result.totals.excess);
  }
  return { installments: rows, results, creditBalance };
}
