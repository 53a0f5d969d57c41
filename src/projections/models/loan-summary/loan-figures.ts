import { Decimal } from 'decimal.js';
import { minorUnits } from '../../../domain/money.js';
import { COMPONENTS, owed, owedTotal } from '../../../domain/loan/installment.js';
import type { Component, LoanState } from '../../../domain/loan/state.js';

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

/**
 * Outstanding per component over the unsettled installments only (settled ones are skipped
 * without arithmetic). A written-off or closed loan owes nothing on its books.
 */
export function loanFigures(state: LoanState): LoanFigures {
  const scale = minorUnits(state.currency);
  const sums: Record<Component, Decimal> = { principal: new Decimal(0), interest: new Decimal(0), fee: new Decimal(0), penalty: new Decimal(0) };
  const booked = state.status !== 'written_off' && state.status !== 'closed';
  let nextDue: LoanFigures['nextDue'] = null;
  for (let i = booked ? state.firstUnsettled : state.installments.length; i < state.installments.length; i++) {
    const inst = state.installments[i];
    if (!inst || inst.settled) continue;
    for (const c of COMPONENTS) sums[c] = sums[c].plus(owed(inst, c));
    nextDue ??= { date: inst.dueDate, amount: owedTotal(inst).toFixed(scale) };
  }
  const outstanding = { principal: '', interest: '', fees: '', penalties: '', total: '' };
  let total = new Decimal(0);
  for (const c of COMPONENTS) {
    outstanding[FIELD[c]] = sums[c].toFixed(scale);
    total = total.plus(sums[c]);
  }
  outstanding.total = total.toFixed(scale);
  return { outstanding, nextDue };
}
