import type { Decimal } from '../decimal.js';
import { minorOf, minorUnits } from '../money.js';
import type { AllocationOrder } from '../product/events.js';
import { formatMinor } from '../schedule/minor-units.js';
import type { Allocation, InstallmentAllocation } from './events.js';
import { owedMinor } from './installment.js';
import { payoffParts, principalFirst, type PrincipalFirst } from './payoff-parts.js';
import { principalFirstFloor } from './principal-first-floor.js';
import type { Component, Installment, LoanContext } from './state.js';

export interface AllocationResult {
  totals: Allocation;
  installments: InstallmentAllocation[];
}

/** One component of one row to pay, at most `limit` minor units of it when given. */
type Step = { index: number; component: Component; limit?: bigint };
/** What a payment takes of each component of one row, in minor units (negative: taken back). */
type Parts = Record<Component, bigint>;

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
function inAdvanceSteps(installments: readonly Installment[], notDue: number[], next: number | undefined, ctx: LoanContext, places: number): Step[] {
  // A penalty an officer charged (a late or collection fee) is owed at once, whichever row holds it.
  const steps: Step[] = notDue.map((index) => ({ index, component: 'penalty' }));
  const row = (index: number): Step[] => [scheduledFee(installments, index, ctx, places), { index, component: 'interest' }, { index, component: 'principal' }];
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
function scheduledFee(installments: readonly Installment[], index: number, ctx: LoanContext, places: number): Step {
  const inst = installments[index] as Installment;
  const scheduled = ctx.contract?.[index]?.due.fee ?? inst.due.fee;
  const left = minorOf(scheduled, places) - minorOf(inst.paid.fee, places);
  return { index, component: 'fee', limit: left > 0n ? left : 0n };
}

/**
 * Money that pays all principal (principalFirst): what is due in the strategy's order, penalties on
 * rows not yet due, all principal (last row first), then the interest rows not yet due have earned,
 * oldest row first, each at most its earned interest net of waivers.
 */
function principalFirstSteps(notDue: number[], first: PrincipalFirst, places: number): Step[] {
  const steps: Step[] = notDue.map((index) => ({ index, component: 'penalty' }));
  for (let k = notDue.length - 1; k >= 0; k--) steps.push({ index: notDue[k] as number, component: 'principal' });
  for (const row of first.earned) steps.push({ index: row.index, component: 'interest', limit: exactMinor(row.amount, places) });
  return steps;
}

/**
 * A payoff figure (principalFirst's, sums of amounts at the minor unit and of interest earned in
 * minor units: accrual.ts) as minor units, exactly; a RangeError if it had a finer digit.
 */
function exactMinor(amount: Decimal, places: number): bigint {
  return minorOf(amount.toFixed(), places);
}

/**
 * Splits `amount` (plain decimal text at most the currency's minor unit, as every amount on a
 * loan is) over the installments as of `date`: never allocates more than a component
 * owes, and allocation plus excess equals the amount exactly. Excess is money beyond every
 * balance (an overpayment). Principal comes first once the amount is short of the payoff by no
 * more than the interest rows not yet due have earned (principalFirst: a lender closes out the
 * principal and leaves the shortfall as interest owed, QA 8 N9); such an amount, and a payoff,
 * takes back interest and fees paid on rows not yet due as negative interest and fee parts on
 * those rows, pays principal with them, and pays back each row's earned interest after it. Less
 * than that follows the prepayment strategy (inAdvanceSteps). Computed in integer minor units
 * (BigInt: an amount of 15 integer digits has more minor units than a double holds exactly), the
 * replay's hottest arithmetic; the parts are formatted once at the end.
 */
export function allocateRepayment(
  installments: readonly Installment[],
  amount: string,
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
  const taken = new Map<number, Parts>();
  const places = minorUnits(ctx.currency);
  let remaining = minorOf(amount, places);
  const first = remaining >= principalFirstFloor(installments, date, ctx)
    ? principalFirst(installments, date, ctx, payoffParts(installments, date, ctx))
    : null;
  const paysPrincipal = first !== null && remaining >= exactMinor(first.least, places);
  if (paysPrincipal) {
    // Interest and fees paid ahead go back to the payment, which pays principal with them (see PayoffParts).
    for (const row of first.takenBack) {
      const interest = exactMinor(row.interest, places);
      const fee = exactMinor(row.fee, places);
      const mine = partsOf(taken, row.index);
      mine.interest -= interest;
      mine.fee -= fee;
      remaining += interest + fee;
    }
  }
  const take = (step: Step) => {
    const open = owedMinor(installments[step.index] as Installment, step.component, places) - (taken.get(step.index)?.[step.component] ?? 0n);
    const cap = step.limit !== undefined && step.limit < open ? step.limit : open;
    const part = cap < remaining ? cap : remaining;
    if (part <= 0n) return;
    partsOf(taken, step.index)[step.component] += part;
    remaining -= part;
  };
  for (const step of dueSteps(due, order)) {
    if (remaining === 0n) break;
    take(step);
  }
  const upcoming = installments.findIndex((inst) => inst.dueDate > date);
  const next = upcoming >= 0 && !(installments[upcoming] as Installment).settled ? upcoming : undefined;
  for (const step of first !== null && paysPrincipal ? principalFirstSteps(notDue, first, places) : inAdvanceSteps(installments, notDue, next, ctx, places)) {
    if (remaining === 0n) break;
    take(step);
  }
  return summarize(installments, taken, remaining, places);
}

/** The row's parts taken so far, zero parts added for a row not touched yet. */
function partsOf(taken: Map<number, Parts>, index: number): Parts {
  let parts = taken.get(index);
  if (parts === undefined) {
    parts = { penalty: 0n, fee: 0n, interest: 0n, principal: 0n };
    taken.set(index, parts);
  }
  return parts;
}

function summarize(installments: readonly Installment[], taken: Map<number, Parts>, excess: bigint, places: number): AllocationResult {
  const sums: Parts = { penalty: 0n, fee: 0n, interest: 0n, principal: 0n };
  // A row whose interest taken back was all paid back again has nothing to show.
  const rows = [...taken.entries()]
    .filter(([, parts]) => parts.penalty !== 0n || parts.fee !== 0n || parts.interest !== 0n || parts.principal !== 0n)
    .sort(([a], [b]) => a - b)
    .map(([index, parts]) => {
      sums.penalty += parts.penalty;
      sums.fee += parts.fee;
      sums.interest += parts.interest;
      sums.principal += parts.principal;
      return {
        number: (installments[index] as Installment).number,
        penalty: formatMinor(parts.penalty, places),
        fee: formatMinor(parts.fee, places),
        interest: formatMinor(parts.interest, places),
        principal: formatMinor(parts.principal, places),
      };
    });
  return {
    installments: rows,
    totals: {
      penalty: formatMinor(sums.penalty, places),
      fee: formatMinor(sums.fee, places),
      interest: formatMinor(sums.interest, places),
      principal: formatMinor(sums.principal, places),
      excess: formatMinor(excess, places),
    },
  };
}
