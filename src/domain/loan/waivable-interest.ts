import { Dec, type Decimal } from '../decimal.js';
import { owed } from './installment.js';
import { owedOnDate } from './payoff-parts.js';
import type { Installment, LoanContext } from './state.js';

/**
 * Interest a waiver dated `date` may waive, per row of `installments` (the rows as of that date,
 * installmentsOn), oldest first, rows owing none left out: the interest a payoff on that date counts
 * owed (owedOnDate: all interest still owed on rows fallen due by `date`, and on rows not yet due
 * only what they have earned by then and not been paid or waived, deferred interest under grace
 * included), each row's never more than the interest it still owes. Interest of periods not yet run
 * is not owed, so it is not waivable; a reduced rate is a reschedule.
 */
export function waivableInterest(installments: readonly Installment[], date: string, ctx: LoanContext): { number: number; owed: Decimal }[] {
  return owedOnDate(installments, 'interest', date, ctx).map((row) => {
    const inst = installments[row.index] as Installment;
    return { number: inst.number, owed: Dec.min(row.amount, owed(inst, 'interest')) };
  });
}
