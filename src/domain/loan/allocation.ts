import { Dec, type Decimal } from '../decimal.js';
import type { AllocationOrder } from '../product/events.js';
import type { Allocation, InstallmentAllocation } from './events.js';
import { fmt, owed } from './installment.js';
import { payoffParts, type PayoffParts } from './payoff-parts.js';
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
 * paid); `last-installments` (kept for the products defined before the strategy existed) pays the
 * installment falling due next in full (what is due comes first, whatever the strategy), then
 * principal from the LAST installment backwards (the term shortens); `re-amortise` and
 * `reduce-term` pay the installment falling due next (`next`, when it still owes) and leave the
 * rest to reamortise() (see re-amortise.ts): Fineract's prepayment, which pays the current
 * installment and re-amortises only the excess, so paying more than the bill never leaves it past
 * due. Interest a later row has earned but not yet billed (deferred by a grace) is not due, so a
 * prepayment leaves it to its row: paid ahead, it would depend on the interest before the
 * prepayment re-based it, and same-day payments would give different loans in either order.
 */
function inAdvanceSteps(notDue: number[], next: number | undefined, parts: PayoffParts, paysOff: boolean, ctx: LoanContext): Step[] {
  // A penalty an officer charged (a late or collection fee) is owed at once, whichever row holds it.
  const steps: Step[] = notDue.map((index) => ({ index, component: 'penalty' }));
  if (ctx.prepayment === 'next-installment' && !paysOff) {
    for (const index of notDue) for (const component of ['fee', 'interest', 'principal'] as const) steps.push({ index, component });
    return steps;
  }
  if (reamortises(ctx) && !paysOff) {
    // The installment falling due next is paid first, as billed (its interest re-based on the principal left:
    // running-period.ts), so paying more than the bill never leaves it owing; the rest is left as excess, which
    // reamortise() applies and recomputes the rows after.
    if (next !== undefined) for (const component of ['fee', 'interest', 'principal'] as const) steps.push({ index: next, component });
    return steps;
  }
  // A payoff: the interest rows earned, then all principal. Short of it, last-installments: what is due first, whatever
  // the strategy (Fineract) — the installment falling due next in full — so paying more than the bill never leaves it
  // owing; only the rest prepays principal from the last installment backwards.
  if (paysOff) for (const row of parts.earned) steps.push({ index: row.index, component: 'interest', limit: row.amount });
  else if (next !== undefined) for (const component of ['fee', 'interest', 'principal'] as const) steps.push({ index: next, component });
  for (let k = notDue.length - 1; k >= 0; k--) steps.push({ index: notDue[k] as number, component: 'principal' });
  return steps;
}

/**
 * Splits `amount` over the installments as of `date`: never allocates more than a component
 * owes, and allocation plus excess equals the amount exactly. Excess is money beyond every
 * balance (an overpayment). An amount that pays the loan off (at least its payoffParts total)
 * also takes back interest paid ahead on rows not yet due beyond what they earned, and fees paid
 * on rows not yet due, as negative interest and fee parts on those rows, and pays principal with them.
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
  const parts = payoffParts(installments, date, ctx);
  const paysOff = remaining.gte(parts.total);
  // A payoff moves interest paid ahead but not earned to principal: it pays with the cash (see PayoffParts).
  if (paysOff) remaining = remaining.plus(parts.interestCredit).plus(parts.feeCredit);
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
  const upcoming = installments.findIndex((inst) => inst.dueDate > date);
  const next = upcoming >= 0 && !(installments[upcoming] as Installment).settled ? upcoming : undefined;
  for (const step of inAdvanceSteps(notDue, next, parts, paysOff, ctx)) {
    if (remaining.isZero()) break;
    take(step);
  }
  if (!paysOff && remaining.gt(0)) for (const step of shortPayoffSteps(installments, notDue, parts, taken, remaining)) take(step);
  if (paysOff) for (const row of parts.unearned) taken.set(row.index, credited(taken.get(row.index), 'interest', row.amount));
  if (paysOff) for (const row of parts.unearnedFees) taken.set(row.index, credited(taken.get(row.index), 'fee', row.amount));
  return summarize(installments, taken, remaining, ctx.currency);
}

/**
 * Money left after the strategy's steps, short of a payoff, that covers every yuan of principal
 * still owed (`re-amortise` leaves it as excess for reamortise(), which only spreads less than
 * that): it pays that principal, last row first, and then the interest rows not yet due have earned
 * (deferred by a grace, not billed yet), as a payoff does. Earned interest is never left as a
 * credit beside a debt, nor forgone when the principal is gone (QA 6 #1: 0.01 paid on a loan
 * owing 0.01 of principal and 0.66 of earned deferred interest left it overpaid yet owing).
 */
function shortPayoffSteps(installments: readonly Installment[], notDue: number[], parts: PayoffParts, taken: Map<number, Record<Component, Decimal>>, remaining: Decimal): Step[] {
  let principal = new Dec(0);
  for (const index of notDue) principal = principal.plus(owed(installments[index] as Installment, 'principal').minus(taken.get(index)?.principal ?? 0));
  if (remaining.lt(principal)) return [];
  const steps: Step[] = [];
  for (let k = notDue.length - 1; k >= 0; k--) steps.push({ index: notDue[k] as number, component: 'principal' });
  for (const row of parts.earned) {
    const left = row.amount.minus(taken.get(row.index)?.interest ?? 0);
    if (left.gt(0)) steps.push({ index: row.index, component: 'interest', limit: left });
  }
  return steps;
}

/** A row's allocation with interest or a fee paid before, and not owed by the payoff date, taken back (a negative part). */
function credited(parts: Record<Component, Decimal> | undefined, component: 'interest' | 'fee', amount: Decimal): Record<Component, Decimal> {
  const mine = parts ?? { penalty: new Dec(0), fee: new Dec(0), interest: new Dec(0), principal: new Dec(0) };
  return { ...mine, [component]: mine[component].minus(amount) };
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
