import { minorOf, minorUnits } from '../money.js';
import type { ChargeKind } from './events.js';
import { owedOnDate } from './payoff-parts.js';
import type { Installment, LoanContext } from './state.js';
import { waivableInterest } from './waivable-interest.js';

/** One row a waiver may take from, and how much of the waiver's kind it owes there (minor units). */
export interface WaivableRow {
  number: number;
  owed: bigint;
}

/**
 * What a waiver of `kind` dated `date` may take, row by row in the order it takes it (oldest
 * first), from `rows` as they stand at the waiver's place: what a payoff on `date` counts owed of
 * `kind` (owedOnDate): a penalty charged on an open row; a fee on a row fallen due by `date`, never
 * the fee of a period not yet due (QA 12 Q3: a waiver back-dated before a service fee fell due took
 * every later row's fee); interest due or earned by `date` (waivableInterest: never interest of
 * periods not yet run).
 * The one rule for both the decision (what a waiver may ask) and the replay (where a recorded
 * waiver lands once back-dated facts have moved what the rows owe), so a waiver keeps its amount
 * wherever that much is still waivable at its place (Fineract re-applies waivers on reprocessing).
 */
export function waivableRows(rows: readonly Installment[], kind: ChargeKind, date: string, ctx: LoanContext): WaivableRow[] {
  const places = minorUnits(ctx.currency);
  if (kind === 'interest') {
    return waivableInterest(rows, date, ctx).map((row) => ({ number: row.number, owed: minorOf(row.owed.toFixed(places), places) }));
  }
  return owedOnDate(rows, kind, date, ctx).map((row) => ({ number: (rows[row.index] as Installment).number, owed: minorOf(row.amount.toFixed(places), places) }));
}

/** Splits `amount` (minor units) over `open` in its order, each part no more than its row owes; what is left unsplit is dropped. */
export function splitWaiver(open: readonly WaivableRow[], amount: bigint): WaivableRow[] {
  const parts: WaivableRow[] = [];
  let left = amount;
  for (const row of open) {
    if (left === 0n) break;
    const part = row.owed < left ? row.owed : left;
    parts.push({ number: row.number, owed: part });
    left -= part;
  }
  return parts;
}
