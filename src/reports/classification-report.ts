import { Decimal } from 'decimal.js';
import type { Classification } from '../domain/loan/events.js';
import { minorUnits } from '../domain/money.js';
import { isOnBook, type LoanBookEntry } from './loan-book.js';

export const CATEGORIES: readonly Classification[] = ['normal', 'special-mention', 'substandard', 'doubtful', 'loss'];
const NON_PERFORMING: ReadonlySet<Classification> = new Set(['substandard', 'doubtful', 'loss']);

export interface ClassificationRow {
  currency: string;
  classification: Classification;
  count: number;
  /** Outstanding principal of the category's loans. */
  outstanding: string;
}

export interface ClassificationSnapshot {
  rows: ClassificationRow[];
  /** (substandard + doubtful + loss) ÷ total outstanding principal, per currency, as a decimal string ("0.0523"); "0" for an empty book. */
  nplRatio: { currency: string; ratio: string }[];
}

/** Five-category snapshot of the loans on book: every category of every currency appears, zero or not. */
export function buildClassificationSnapshot(loans: Iterable<LoanBookEntry>): ClassificationSnapshot {
  const sums = new Map<string, Map<Classification, { count: number; outstanding: Decimal }>>();
  for (const loan of loans) {
    if (!isOnBook(loan)) continue;
    let byCategory = sums.get(loan.currency);
    if (!byCategory) {
      byCategory = new Map(CATEGORIES.map((c) => [c, { count: 0, outstanding: new Decimal(0) }]));
      sums.set(loan.currency, byCategory);
    }
    const sum = byCategory.get(loan.classification);
    if (!sum) continue;
    sum.count += 1;
    sum.outstanding = sum.outstanding.plus(loan.outstanding.principal);
  }
  const rows: ClassificationRow[] = [];
  const nplRatio: ClassificationSnapshot['nplRatio'] = [];
  for (const currency of [...sums.keys()].sort()) {
    let total = new Decimal(0);
    let npl = new Decimal(0);
    for (const [classification, sum] of sums.get(currency) ?? []) {
      rows.push({ currency, classification, count: sum.count, outstanding: sum.outstanding.toFixed(minorUnits(currency)) });
      total = total.plus(sum.outstanding);
      if (NON_PERFORMING.has(classification)) npl = npl.plus(sum.outstanding);
    }
    nplRatio.push({ currency, ratio: total.isZero() ? '0' : npl.div(total).toDecimalPlaces(4).toFixed() });
  }
  return { rows, nplRatio };
}

export const CLASSIFICATION_COLUMNS = ['currency', 'classification', 'count', 'outstanding'] as const;
