import type { InstallmentAllocation } from './events.js';
import { addAmounts, COMPONENTS, isSettled, isZeroText } from './installment.js';
import type { Installment } from './state.js';

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
