import { Decimal } from 'decimal.js';
import { minorUnits } from '../domain/money.js';
import type { LoanSummaryDoc } from '../projections/models/loan-summary/documents.js';
import type { RegulatoryTransaction } from '../projections/models/regulatory/documents.js';

export interface CollectionRateRow {
  /** YYYY-MM. */
  month: string;
  currency: string;
  /** Scheduled principal, interest and fees (net of waivers) falling due in the month. */
  due: string;
  /** Repayments' scheduled part (`scheduledPaid`) received in the month. */
  collected: string;
  /** collected ÷ due to four places; null when nothing fell due. */
  rate: string | null;
}

type Sums = Map<string, { due: Decimal; collected: Decimal }>;

function sumsFor(sums: Sums, month: string, currency: string) {
  const key = `${month}|${currency}`;
  let sum = sums.get(key);
  if (!sum) {
    sum = { due: new Decimal(0), collected: new Decimal(0) };
    sums.set(key, sum);
  }
  return sum;
}

/**
 * Cash collection rate per month and currency, for months up to `asOf`: what was collected against
 * the schedule over what fell due. Arrears caught up and prepayments count in the month they were
 * paid, so a month can exceed 1 (catch-up) or fall short (arrears) — as lenders read this ratio.
 * A repayment reversed on or before `asOf` is not collected.
 */
export function buildCollectionRate(
  loans: Iterable<Pick<LoanSummaryDoc, 'currency' | 'dueByMonth'>>,
  transactions: Iterable<RegulatoryTransaction>,
  asOf: string,
): CollectionRateRow[] {
  const sums: Sums = new Map();
  const lastMonth = asOf.slice(0, 7);
  for (const loan of loans) {
    for (const [month, due] of Object.entries(loan.dueByMonth)) {
      if (month > lastMonth) continue;
      const sum = sumsFor(sums, month, loan.currency);
      sum.due = sum.due.plus(due);
    }
  }
  for (const tx of transactions) {
    if (tx.kind !== 'repayment' || tx.date > asOf) continue;
    // A repayment reversed by `asOf` was never collected.
    if (tx.reversedOn !== undefined && tx.reversedOn <= asOf) continue;
    const sum = sumsFor(sums, tx.date.slice(0, 7), tx.currency);
    sum.collected = sum.collected.plus(tx.scheduledPaid);
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, sum]) => {
    const [month = '', currency = ''] = key.split('|');
    const scale = minorUnits(currency);
    return {
      month, currency, due: sum.due.toFixed(scale), collected: sum.collected.toFixed(scale),
      rate: sum.due.isZero() ? null : sum.collected.div(sum.due).toDecimalPlaces(4).toFixed(4),
    };
  });
}

export const COLLECTION_RATE_COLUMNS = ['month', 'currency', 'due', 'collected', 'rate'] as const;
