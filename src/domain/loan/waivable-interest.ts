import { Dec, type Decimal } from '../decimal.js';
import { owed } from './installment.js';
import { earnedUnpaidRows } from './payoff-parts.js';
import type { Installment, LoanContext } from './state.js';

/**
 * Interest a waiver dated `date` may waive, per row of `installments` (the rows as of that date, installmentsOn) (oldest first, rows owing none left out): all
 * interest still owed on rows fallen due by `date`, and on rows not yet due only what they have
 * earned by `date` and not been paid or waived (the current period's, and deferred interest under
 * grace: the same earned interest a payoff on that date collects). Interest of periods not yet run
 * is not owed, so it is not waivable; a reduced rate is a reschedule.
 */
export function waivableInterest(installments: readonly Installment[], date: string, ctx: LoanContext): { number: number; owed: Decimal }[] {
  const rows: { number: number; owed: Decimal }[] = [];
  const notDue: number[] = [];
  installments.forEach((inst, index) => {
    if (inst.settled) return;
    if (inst.dueDate > date) notDue.push(index);
    else if (owed(inst, 'interest').gt(0)) rows.push({ number: inst.number, owed: owed(inst, 'interest') });
  });
  for (const row of earnedUnpaidRows(installments, notDue, date, ctx)) {
    const inst = installments[row.index] as Installment;
    rows.push({ number: inst.number, owed: Dec.min(row.amount, owed(inst, 'interest')) });
  }
  return rows;
}
