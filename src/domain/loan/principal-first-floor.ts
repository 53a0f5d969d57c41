import { minorOf } from '../money.js';
import { owedMinor } from './installment.js';
import type { Installment } from './state.js';

/**
 * A floor, in minor units, under principalFirst's `least` (payoff-parts.ts: the smallest payment on
 * `date` that pays all principal), found without pricing the payoff: the principal owed less, on
 * the rows not yet due, the interest and fees paid (what a payoff can take back) and their
 * scheduled interest (more than they can have earned). A payment below it is an ordinary one that
 * follows the prepayment strategy, so allocation skips the payoff's pricing for it; at or above,
 * principalFirst decides. May be ≤ 0 (near the end of a loan): then it decides nothing.
 */
export function principalFirstFloor(installments: readonly Installment[], date: string, places: number): bigint {
  let floor = 0n;
  for (const inst of installments) {
    if (!inst.settled) floor += owedMinor(inst, 'principal', places);
    if (inst.dueDate > date) floor -= minorOf(inst.paid.interest, places) + minorOf(inst.paid.fee, places) + minorOf(inst.due.interest, places);
  }
  return floor;
}
