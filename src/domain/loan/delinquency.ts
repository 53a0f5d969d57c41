import { daysBetween } from '../calendar.js';
import { Dec, type Decimal } from '../decimal.js';
import { roundToCurrency } from '../money.js';
import type { PenaltyTerm, RoundingMode } from '../product/events.js';
import { owed } from './installment.js';
import type { Installment } from './state.js';

/** Days between the due date of the oldest unsettled installment and `date`; 0 when nothing is past due. */
export function daysPastDue(installments: readonly Installment[], firstUnsettled: number, date: string): number {
  const oldest = installments[firstUnsettled];
  if (!oldest || oldest.dueDate >= date) return 0;
  return daysBetween(oldest.dueDate, date);
}

/** Installments that fell due before `date` and are not settled, oldest first. */
export function pastDueInstallments(installments: readonly Installment[], firstUnsettled: number, date: string): Installment[] {
  const found: Installment[] = [];
  for (let i = firstUnsettled; i < installments.length; i++) {
    const inst = installments[i] as Installment;
    if (inst.dueDate >= date) break;
    if (!inst.settled) found.push(inst);
  }
  return found;
}

/** The penalty on an overdue installment as it stands: fixed, or that percent of what it still owes; capped at `cap`. */
export function penaltyAmount(inst: Installment, penalty: PenaltyTerm, currency: string, rounding: RoundingMode): Decimal {
  const overdue = owed(inst, 'principal').plus(owed(inst, 'interest')).plus(owed(inst, 'fee'));
  const raw = penalty.type === 'fixed' ? new Dec(penalty.value) : overdue.times(penalty.value).dividedBy(100);
  const amount = roundToCurrency(raw, currency, rounding);
  return penalty.cap !== null && amount.gt(penalty.cap) ? new Dec(penalty.cap) : amount;
}
