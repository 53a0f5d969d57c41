import { minorOf, minorUnits } from '../money.js';
import type { ChargeKind } from './events.js';
import { owedMinor } from './installment.js';
import type { Installment, LoanContext } from './state.js';
import { waivableInterest } from './waivable-interest.js';

/** One row a waiver may take from, and how much of the waiver's kind it owes there (minor units). */
export interface WaivableRow {
  number: number;
  owed: bigint;
}

/**
 * What a waiver of `kind` dated `date` may take, row by row in the order it takes it (oldest
 * first), from `rows` as they stand at the waiver's place: a fee or penalty still owed on an open
 * row; interest due or earned by `date` (waivableInterest: never interest of periods not yet run).
 * The one rule for both the decision (what a waiver may ask) and the replay (where a recorded
 * waiver lands once back-dated facts have moved what the rows owe), so a waiver keeps its amount
 * wherever that much is still waivable at its place (Fineract re-applies waivers on reprocessing).
 */
export function waivableRows(rows: readonly Installment[], kind: ChargeKind, date: string, ctx: LoanContext): WaivableRow[] {
  const places = minorUnits(ctx.currency);
  if (kind === 'interest') {
    return waivableInterest(rows, date, ctx).map((row) => ({ number: row.number, owed: minorOf(row.owed.toFixed(places), places) }));
  }
  const open: WaivableRow[] = [];
  for (const row of rows) {
    const owed = row.settled ? 0n : owedMinor(row, kind, places);
    if (owed > 0n) open.push({ number: row.number, owed });
  }
  return open;
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
