import type { SeededRandom } from './seeded-random.js';

/** How a demo borrower repays: a plan drawn once per loan, in realistic proportions. */
export type RepaymentBehaviour =
  | { kind: 'on-time' }
  /** Pays every installment some days after it fell due, with the penalty. */
  | { kind: 'late'; daysLate: number }
  /** Pays the first installments, then stops paying altogether. */
  | { kind: 'defaulted'; paidInstallments: number }
  /** Pays on time, then pays the whole loan off some days after an installment. */
  | { kind: 'prepaid'; afterInstallments: number; daysAfter: number };

/** On time ~80 %, late ~12 %, defaulted ~4 %, prepaid ~4 %. */
export function drawBehaviour(random: SeededRandom): RepaymentBehaviour {
  const roll = random.next();
  if (roll < 0.8) return { kind: 'on-time' };
  if (roll < 0.92) return { kind: 'late', daysLate: random.int(4, 40) };
  if (roll < 0.96) return { kind: 'defaulted', paidInstallments: random.int(0, 2) };
  return { kind: 'prepaid', afterInstallments: random.int(1, 3), daysAfter: random.int(1, 20) };
}
