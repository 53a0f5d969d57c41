import { minorUnits } from '../../../domain/money.js';
import { COMPONENTS, isZeroText } from '../../../domain/loan/installment.js';
import { formatMinor } from '../../../domain/schedule/minor-units.js';
import type { Component, Installment, LoanState } from '../../../domain/loan/state.js';
import { parseFixed } from '../fixed-point.js';

export interface Outstanding {
  principal: string;
  interest: string;
  fees: string;
  penalties: string;
  total: string;
}

/** The figures a loan line shows: what is still owed (the remaining schedule, as Fineract's summary) and what falls due next. */
export interface LoanFigures {
  outstanding: Outstanding;
  nextDue: { date: string; amount: string } | null;
}

const FIELD: Record<Component, keyof Outstanding> = { principal: 'principal', interest: 'interest', fee: 'fees', penalty: 'penalties' };

/** Still owed on one component in minor units: due − paid − waived, never below zero (as the domain's `owed`). */
function owedMinor(inst: Installment, c: Component, places: number, zero: string): bigint {
  const [due, paid, waived] = [inst.due[c], inst.paid[c], inst.waived[c]];
  // The usual rows, untouched or paid exactly with nothing waived, take one parse or none.
  const nothingWaived = waived === zero || isZeroText(waived);
  if (nothingWaived && paid === due) return 0n;
  const left = nothingWaived && paid === zero
    ? parseFixed(due, places)
    : parseFixed(due, places) - parseFixed(paid, places) - parseFixed(waived, places);
  return left < 0n ? 0n : left;
}

/**
 * Outstanding per component over the unsettled installments only (settled ones are skipped
 * without arithmetic). A written-off or closed loan owes nothing on its books. Runs on every loan
 * event of two projections, so it sums in exact minor units rather than decimal.js.
 */
export function loanFigures(state: LoanState): LoanFigures {
  const places = minorUnits(state.currency);
  const zero = formatMinor(0n, places);
  const sums: Record<Component, bigint> = { principal: 0n, interest: 0n, fee: 0n, penalty: 0n };
  const booked = state.status !== 'written_off' && state.status !== 'closed';
  let nextDue: LoanFigures['nextDue'] = null;
  for (let i = booked ? state.firstUnsettled : state.installments.length; i < state.installments.length; i++) {
    const inst = state.installments[i];
    if (!inst || inst.settled) continue;
    let owedOnRow = 0n;
    for (const c of COMPONENTS) {
      const left = owedMinor(inst, c, places, zero);
      sums[c] += left;
      owedOnRow += left;
    }
    nextDue ??= { date: inst.dueDate, amount: formatMinor(owedOnRow, places) };
  }
  const outstanding = { principal: '', interest: '', fees: '', penalties: '', total: '' };
  let total = 0n;
  for (const c of COMPONENTS) {
    outstanding[FIELD[c]] = formatMinor(sums[c], places);
    total += sums[c];
  }
  outstanding.total = formatMinor(total, places);
  return { outstanding, nextDue };
}
