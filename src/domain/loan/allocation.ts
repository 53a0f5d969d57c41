import { Dec, type Decimal } from '../decimal.js';
import type { AllocationOrder } from '../product/events.js';
import { earnedInterest } from './accrual.js';
import type { Allocation, InstallmentAllocation } from './events.js';
import { fmt, owed } from './installment.js';
import type { Component, Installment, LoanContext } from './state.js';

export interface AllocationResult {
  totals: Allocation;
  installments: InstallmentAllocation[];
}

type Step = { index: number; component: Component; limit?: Decimal };

const PER_INSTALLMENT: Record<Exclude<AllocationOrder, 'due-first-then-principal'>, Component[]> = {
  'penalty-fee-interest-principal': ['penalty', 'fee', 'interest', 'principal'],
  'interest-principal-penalty-fee': ['interest', 'principal', 'penalty', 'fee'],
};
const DUE_FIRST: Component[] = ['penalty', 'fee', 'interest', 'principal'];

/** Past-due and due money in the strategy's order, oldest installment first. */
function dueSteps(due: number[], order: AllocationOrder): Step[] {
  if (order === 'due-first-then-principal') {
    return DUE_FIRST.flatMap((component) => due.map((index) => ({ index, component })));
  }
  return due.flatMap((index) => PER_INSTALLMENT[order].map((component) => ({ index, component })));
}

/**
 * Interest rows not yet due have earned by `date` and not yet paid or waived: the current
 * period's, and under grace on interest the deferred interest its collecting row earns from the
 * disbursement. Rows whose period has not started earn nothing, so the scan stops at the first.
 */
export function earnedUnpaidRows(installments: readonly Installment[], notDue: readonly number[], date: string, ctx: LoanContext): { index: number; amount: Decimal }[] {
  const rows: { index: number; amount: Decimal }[] = [];
  const deferredRow = ctx.deferredInterest?.number ?? 0;
  for (const index of notDue) {
    const inst = installments[index] as Installment;
    if (inst.fromDate >= date && inst.number > deferredRow) break;
    const earned = earnedInterest(inst, date, ctx).minus(inst.paid.interest).minus(inst.waived.interest);
    if (earned.gt(0)) rows.push({ index, amount: earned });
  }
  return rows;
}

/** True when in-advance principal short of a payoff recomputes the remaining rows (re-amortise, reduce-term). */
export function reamortises(ctx: LoanContext): boolean {
  return (ctx.prepayment === 're-amortise' || ctx.prepayment === 'reduce-term') && ctx.schedule !== undefined;
}

/**
 * In-advance money. Penalties an officer charged on a row not yet due come first (they are owed
 * now). Enough to pay the loan off pays the interest the current period has earned
 * (so a payoff matches its quote) and then all principal, never interest of periods not yet
 * started. Less than that follows the product's prepayment strategy: `next-installment` pays the
 * coming installments in full, in date order (the borrower who pays next month's bill early has it
 * paid); `last-installments` pays the earned interest and then principal from the LAST
 * installment backwards (the term shortens); `re-amortise` and `reduce-term` pay the earned interest
 * and leave the rest to reamortise() (see re-amortise.ts).
 */
function inAdvanceSteps(installments: readonly Installment[], notDue: number[], date: string, ctx: LoanContext, available: Decimal): Step[] {
  const steps: Step[] = [];
  // A penalty an officer charged (a late or collection fee) is owed at once, whichever row holds it.
  let penalties = new Dec(0);
  for (const index of notDue) {
    const penalty = owed(installments[index] as Installment, 'penalty');
    if (penalty.gt(0)) {
      steps.push({ index, component: 'penalty' });
      penalties = penalties.plus(penalty);
    }
  }
  const earned = earnedUnpaidRows(installments, notDue, date, ctx);
  const earnedTotal = earned.reduce((sum, row) => sum.plus(row.amount), new Dec(0));
  const left = available.minus(penalties);
  // Only next-installment pays differently when the money falls short of a payoff; the sum is skipped otherwise.
  const paysOff = () => left.gte(notDue.reduce((sum, index) => sum.plus(owed(installments[index] as Installment, 'principal')), earnedTotal));
  if (ctx.prepayment === 'next-installment' && !paysOff()) {
    for (const index of notDue) for (const component of ['fee', 'interest', 'principal'] as const) steps.push({ index, component });
    return steps;
  }
  for (const row of earned) steps.push({ index: row.index, component: 'interest', limit: row.amount });
  // Re-amortising modes leave the principal part as excess here: reamortise() applies it and recomputes the rows after.
  if (reamortises(ctx) && !paysOff()) return steps;
  for (let k = notDue.length - 1; k >= 0; k--) steps.push({ index: notDue[k] as number, component: 'principal' });
  return steps;
}

/**
 * Splits `amount` over the installments as of `date`: never allocates more than a component
 * owes, and allocation plus excess equals the amount exactly. Excess is money beyond every
 * balance (an overpayment).
 */
export function allocateRepayment(
  installments: readonly Installment[],
  amount: Decimal | string,
  date: string,
  order: AllocationOrder,
  ctx: LoanContext,
): AllocationResult {
  const due: number[] = [];
  const notDue: number[] = [];
  installments.forEach((inst, index) => {
    if (inst.settled) return;
    (inst.dueDate <= date ? due : notDue).push(index);
  });
  const taken = new Map<number, Record<Component, Decimal>>();
  let remaining = new Dec(amount);
  const take = (step: Step) => {
    const inst = installments[step.index] as Installment;
    const mine = taken.get(step.index) ?? { penalty: new Dec(0), fee: new Dec(0), interest: new Dec(0), principal: new Dec(0) };
    const open = owed(inst, step.component).minus(mine[step.component]);
    const cap = step.limit && step.limit.lt(open) ? step.limit : open;
    const part = Dec.min(cap, remaining);
    if (!part.gt(0)) return;
    mine[step.component] = mine[step.component].plus(part);
    taken.set(step.index, mine);
    remaining = remaining.minus(part);
  };
  for (const step of dueSteps(due, order)) {
    if (remaining.isZero()) break;
    take(step);
  }
  for (const step of inAdvanceSteps(installments, notDue, date, ctx, remaining)) {
    if (remaining.isZero()) break;
    take(step);
  }
  return summarize(installments, taken, remaining, ctx.currency);
}

function summarize(
  installments: readonly Installment[],
  taken: Map<number, Record<Component, Decimal>>,
  excess: Decimal,
  currency: string,
): AllocationResult {
  const sums: Record<Component, Decimal> = { penalty: new Dec(0), fee: new Dec(0), interest: new Dec(0), principal: new Dec(0) };
  const rows = [...taken.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, parts]) => {
      for (const c of Object.keys(sums) as Component[]) sums[c] = sums[c].plus(parts[c]);
      return {
        number: (installments[index] as Installment).number,
        penalty: fmt(parts.penalty, currency),
        fee: fmt(parts.fee, currency),
        interest: fmt(parts.interest, currency),
        principal: fmt(parts.principal, currency),
      };
    });
  return {
    installments: rows,
    totals: {
      penalty: fmt(sums.penalty, currency),
      fee: fmt(sums.fee, currency),
      interest: fmt(sums.interest, currency),
      principal: fmt(sums.principal, currency),
      excess: fmt(excess, currency),
    },
  };
}
