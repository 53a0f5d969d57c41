import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import type { ChargeFact, Installment } from './state.js';

/** An officer's charge as the replay added it: its row (a dropped row's charge lands on the last) and amount. */
export interface AppliedCharge {
  row: number;
  /** What of it stands once every fact is replayed (decimal string): less than charged where a payoff forgave it. */
  amount: string;
}

/**
 * What each officer's charge the replay added still stands for once every fact is replayed, by its
 * sequence. A penalty charge stands as added. A fee charge on a row whose fees a payoff forgave
 * (forgoUnearned: a row not yet due once no principal is owed keeps only the fees paid or waived)
 * stands for what is left of the row's fee above the schedule's own, charges in the order applied:
 * what was paid on the row's fees pays the schedule's fee first. `contract` is the rows before any
 * fact, `rows` after all of them; `added` are the charges added, in replay order.
 */
export function chargesStanding(contract: readonly Installment[], rows: readonly Installment[], added: readonly { fact: ChargeFact; row: number }[], currency: string): Map<number, AppliedCharge> {
  const places = minorUnits(currency);
  const standing = new Map<number, AppliedCharge>();
  const feeLeft = new Map<number, bigint>();
  for (const { fact, row } of added) {
    let amount = minorOf(fact.amount, places);
    if (fact.component === 'fee') {
      const left = feeLeft.get(row) ?? minorOf(rows[row - 1]?.due.fee ?? '0', places) - minorOf(contract[row - 1]?.due.fee ?? '0', places);
      if (amount > left) amount = left > 0n ? left : 0n;
      feeLeft.set(row, left - amount);
    }
    standing.set(fact.sequence, { row, amount: formatMinor(amount, places) });
  }
  return standing;
}
