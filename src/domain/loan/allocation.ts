import { Dec, type Decimal } from '../decimal.js';
import { minorUnits } from '../money.js';
import type { AllocationOrder } from '../product/events.js';
import { formatMinor } from '../schedule/minor-units.js';
import type { Allocation, InstallmentAllocation } from './events.js';
import { fmt, owed } from './installment.js';
import { payoffParts, principalFirst, type PrincipalFirst } from './payoff-parts.js';
import { principalFirstFloor } from './principal-first-floor.js';
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
 * In-advance money short of paying all principal (see principalFirst for money that does).
 * Penalties an officer charged on a row not yet due come first (they are owed now). Then the
 * product's prepayment strategy: `next-installment` pays the coming installments in full, in date
 * order (the borrower who pays next month's bill early has it paid; an officer's fee on a row not
 * yet due waits for the row: scheduledFee); `last-installments` (kept for
 * the products defined before the strategy existed) pays the installment falling due next in full
 * (what is due comes first, whatever the strategy), then principal from the LAST installment
 * backwards (the term shortens); `re-amortise` and `reduce-term` pay the installment falling due
 * next (`next`, when it still owes) and leave the rest to reamortise() (see re-amortise.ts):
 * Fineract's prepayment, which pays the current installment and re-amortises only the excess, so
 * paying more than the bill never leaves it past due. Interest a later row has earned but not yet
 * billed (deferred by a grace) is not due, so a prepayment leaves it to its row: paid ahead, it
 * would depend on the interest before the prepayment re-based it, and same-day payments would give
 * different loans in either order.
 */
function inAdvanceSteps(installments: readonly Installment[], notDue: number[], next: number | undefined, ctx: LoanContext): Step[] {
  // A penalty an officer charged (a late or collection fee) is owed at once, whichever row holds it.
  const steps: Step[] = notDue.map((index) => ({ index, component: 'penalty' }));
  const row = (index: number): Step[] => [scheduledFee(installments, index, ctx), { index, component: 'interest' }, { index, component: 'principal' }];
  if (ctx.prepayment === 'next-installment') {
    for (const index of notDue) steps.push(...row(index));
    return steps;
  }
  // The installment falling due next is paid first, as billed, whatever the strategy (Fineract), so paying more than
  // the bill never leaves it owing. Re-amortise and reduce-term leave the rest as excess, which reamortise() applies
  // and recomputes the rows after (its interest re-based on the principal left: running-period.ts); last-installments
  // prepays principal from the last installment backwards.
  if (next !== undefined) steps.push(...row(next));
  if (!reamortises(ctx)) for (let k = notDue.length - 1; k >= 0; k--) steps.push({ index: notDue[k] as number, component: 'principal' });
  return steps;
}

/**
 * The fee step of a row not yet due: its schedule's own fee (the contract's), paid ahead with the
 * installment; an officer's fee on it (a document fee) is collected when the row falls due, never
 * ahead (Fineract's specified-due-date charge), as a payoff does not owe it (payoff-parts.ts):
 * one rule for part payments and payoffs.
 */
function scheduledFee(installments: readonly Installment[], index: number, ctx: LoanContext): Step {
  const inst = installments[index] as Installment;
  const scheduled = ctx.contract?.[index]?.due.fee ?? inst.due.fee;
  return { index, component: 'fee', limit: Dec.max(0, new Dec(scheduled).minus(inst.paid.fee)) };
}

/**
 * Money that pays all principal (principalFirst): what is due in the strategy's order, penalties on
 * rows not yet due, all principal (last row first), then the interest rows not yet due have earned,
 * oldest row first, each at most its earned interest net of waivers.
 */
function principalFirstSteps(notDue: number[], first: PrincipalFirst): Step[] {
  const steps: Step[] = notDue.map((index) => ({ index, component: 'penalty' }));
  for (let k = notDue.length - 1; k >= 0; k--) steps.push({ index: notDue[k] as number, component: 'principal' });
  for (const row of first.earned) steps.push({ index: row.index, component: 'interest', limit: row.amount });
  return steps;
}

/**
 * Splits `amount` over the installments as of `date`: never allocates more than a component
 * owes, and allocation plus excess equals the amount exactly. Excess is money beyond every
 * balance (an overpayment). Principal comes first once the amount is short of the payoff by no
 * more than the interest rows not yet due have earned (principalFirst: a lender closes out the
 * principal and leaves the shortfall as interest owed, QA 8 N9); such an amount, and a payoff,
 * takes back interest and fees paid on rows not yet due as negative interest and fee parts on
 * those rows, pays principal with them, and pays back each row's earned interest after it. Less
 * than that follows the prepayment strategy (inAdvanceSteps).
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
  const places = minorUnits(ctx.currency);
  const first = remaining.gte(formatMinor(principalFirstFloor(installments, date, places), places))
    ? principalFirst(installments, date, ctx, payoffParts(installments, date, ctx))
    : null;
  const paysPrincipal = first !== null && remaining.gte(first.least);
  if (paysPrincipal) {
    // Interest and fees paid ahead go back to the payment, which pays principal with them (see PayoffParts).
    for (const row of first.takenBack) {
      taken.set(row.index, credited(credited(taken.get(row.index), 'interest', row.interest), 'fee', row.fee));
      remaining = remaining.plus(row.interest).plus(row.fee);
    }
  }
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
  for (const step of first !== null && paysPrincipal ? principalFirstSteps(notDue, first) : inAdvanceSteps(installments, notDue, next, ctx)) {
    if (remaining.isZero()) break;
    take(step);
  }
  return summarize(installments, taken, remaining, ctx.currency);
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
  // A row whose interest taken back was all paid back again has nothing to show.
  const rows = [...taken.entries()]
    .filter(([, parts]) => !Object.values(parts).every((v) => v.isZero()))
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
