import { minorOf, minorUnits } from '../money.js';
import { owedMinor } from './installment.js';
import type { Installment, LoanContext } from './state.js';

/**
 * A floor, in minor units, under principalFirst's `least` (payoff-parts.ts: the smallest payment on
 * `date` that pays all principal), found without pricing the payoff: the principal owed less, on
 * the rows not yet due, the interest and fees paid (what a payoff can take back) and, on those
 * whose period has started by `date` (or that collect the interest deferred by a grace), their
 * scheduled interest (more than they can have earned). A row whose period has not started has
 * earned nothing (principalFirst skips it), so a long loan's later rows lower the floor by nothing:
 * on a 30-year loan, whose scheduled interest exceeds its principal, an ordinary payment is still
 * below it. A payment below it is an ordinary one that follows the prepayment strategy, so
 * allocation skips the payoff's pricing for it; at or above, principalFirst decides. May be ≤ 0
 * (near the end of a loan): then it decides nothing.
 */
export function principalFirstFloor(installments: readonly Installment[], date: string, ctx: LoanContext): bigint {
  const places = minorUnits(ctx.currency);
  const deferredRow = ctx.deferredInterest?.number ?? 0;
  let floor = 0n;
  for (const inst of installments) {
    if (!inst.settled) floor += owedMinor(inst, 'principal', places);
    if (inst.dueDate <= date) continue;
    floor -= minorOf(inst.paid.interest, places) + minorOf(inst.paid.fee, places);
    if (inst.fromDate < date || inst.number <= deferredRow) floor -= minorOf(inst.due.interest, places);
  }
  return floor;
}
