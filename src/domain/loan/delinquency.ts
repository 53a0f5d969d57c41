import { daysBetween } from '../calendar.js';
import { Dec, type Decimal } from '../decimal.js';
import { minorOf, minorUnits, roundToCurrency } from '../money.js';
import type { PenaltyTerm, RoundingMode } from '../product/events.js';
import { COMPONENTS, owed, owedMinor } from './installment.js';
import type { ChargeFact, Component, Installment } from './state.js';

/**
 * The date from which what `inst` still owes counts as past due (DOMAIN.md "Delinquency and
 * classification": days past due run from the due date of the oldest unpaid installment): its due
 * date while it owes anything that was owed then — principal, interest, the schedule's fees, a
 * close's penalties, an officer charge applied by its due date; when all it still owes is officer
 * charges applied after its due date (`charges`, ChargeFact), the earliest date one of those still
 * owed was applied. A charge applied today was not unpaid on the row's due date: a late fee dated in
 * a period paid on time must not make a current loan 153 days past due (QA 12 Q5). Within a row a
 * payment is taken to pay the oldest amounts first, so what the row still owes of a charge's
 * component is the latest-applied charges' before anything older. Null when it owes nothing.
 */
export function unpaidSince(inst: Installment, charges: readonly ChargeFact[], currency: string): string | null {
  const places = minorUnits(currency);
  const owedOf = (c: Component) => owedMinor(inst, c, places);
  if (COMPONENTS.every((c) => owedOf(c) <= 0n)) return null;
  const late = charges.filter((charge) => charge.number === inst.number && charge.date > inst.dueDate);
  if (late.length === 0 || owedOf('principal') > 0n || owedOf('interest') > 0n) return inst.dueDate;
  let since: string | null = null;
  for (const component of ['fee', 'penalty'] as const) {
    let left = owedOf(component);
    const latestFirst = late.filter((charge) => charge.component === component).sort((a, b) => b.sequence - a.sequence);
    for (const charge of latestFirst) {
      if (left <= 0n) break;
      const amount = minorOf(charge.amount, places);
      left -= amount < left ? amount : left;
      if (since === null || charge.date < since) since = charge.date;
    }
    if (left > 0n) return inst.dueDate;
  }
  return since ?? inst.dueDate;
}

/** The earliest date before `date` from which an installment's unpaid amount counts past due (unpaidSince), or null when none does. */
export function oldestUnpaidSince(installments: readonly Installment[], firstUnsettled: number, date: string, charges: readonly ChargeFact[], currency: string): string | null {
  let oldest: string | null = null;
  for (const inst of pastDueInstallments(installments, firstUnsettled, date, charges, currency)) {
    const since = unpaidSince(inst, charges, currency) ?? inst.dueDate;
    if (oldest === null || since < oldest) oldest = since;
  }
  return oldest;
}

/** Days between oldestUnpaidSince and `date`; 0 when nothing is past due. */
export function daysPastDue(installments: readonly Installment[], firstUnsettled: number, date: string, charges: readonly ChargeFact[], currency: string): number {
  const oldest = oldestUnpaidSince(installments, firstUnsettled, date, charges, currency);
  return oldest === null ? 0 : daysBetween(oldest, date);
}

/**
 * Whether an installment not settled counts past due on `date`: what it still owes counts from a day
 * before it (unpaidSince; a row owing only an officer charge applied after it fell due counts from
 * the charge's date). The rule close of business marks rows overdue by and the schedule shows them by.
 */
export function countsPastDue(inst: Installment, date: string, charges: readonly ChargeFact[], currency: string): boolean {
  if (inst.settled || inst.dueDate >= date) return false;
  return charges.length === 0 || (unpaidSince(inst, charges, currency) ?? inst.dueDate) < date;
}

/** Installments not settled whose unpaid amount counts past due (countsPastDue) before `date`, oldest first. */
export function pastDueInstallments(installments: readonly Installment[], firstUnsettled: number, date: string, charges: readonly ChargeFact[], currency: string): Installment[] {
  const found: Installment[] = [];
  for (let i = firstUnsettled; i < installments.length; i++) {
    const inst = installments[i] as Installment;
    if (inst.dueDate >= date) break;
    if (countsPastDue(inst, date, charges, currency)) found.push(inst);
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
