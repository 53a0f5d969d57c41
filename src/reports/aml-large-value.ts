import { Decimal } from 'decimal.js';
import { minorUnits } from '../domain/money.js';
import type { RegulatoryTransaction } from '../projections/models/regulatory/documents.js';
import { DEFAULT_AML_THRESHOLDS, type AmlThresholds } from './aml-thresholds.js';

export interface LargeValueRow {
  /** `single`: one payment at or above the threshold; `daily-aggregate`: several that reach it together on one day. */
  rule: 'single' | 'daily-aggregate';
  customerId: string;
  date: string;
  currency: string;
  direction: 'in' | 'out';
  count: number;
  total: string;
  /** Space-separated event ids of the payments, for the report's evidence. */
  transactionIds: string;
}

/**
 * Large-value transactions: each payment ≥ threshold, and each customer-day-direction whose
 * several payments sum to ≥ threshold. Ordered by date, customer, rule. A reversed repayment
 * (`reversedOn`) never counts: the money did not stand.
 */
export function findLargeValueTransactions(
  transactions: Iterable<RegulatoryTransaction>,
  thresholds: AmlThresholds = DEFAULT_AML_THRESHOLDS,
): LargeValueRow[] {
  const rows: LargeValueRow[] = [];
  const days = new Map<string, RegulatoryTransaction[]>();
  for (const tx of transactions) {
    if (tx.reversedOn !== undefined) continue;
    const threshold = thresholds[tx.currency];
    if (threshold === undefined) continue;
    if (new Decimal(tx.amount).gte(threshold)) {
      rows.push({ rule: 'single', customerId: tx.customerId, date: tx.date, currency: tx.currency, direction: tx.direction, count: 1, total: tx.amount, transactionIds: tx.id });
    }
    const key = [tx.customerId, tx.date, tx.currency, tx.direction].join('|');
    const day = days.get(key);
    if (day) day.push(tx);
    else days.set(key, [tx]);
  }
  for (const group of days.values()) {
    const [first] = group;
    if (!first || group.length < 2) continue;
    const total = group.reduce((sum, tx) => sum.plus(tx.amount), new Decimal(0));
    if (total.lt(thresholds[first.currency] ?? Infinity)) continue;
    rows.push({
      rule: 'daily-aggregate', customerId: first.customerId, date: first.date, currency: first.currency, direction: first.direction,
      count: group.length, total: total.toFixed(minorUnits(first.currency)), transactionIds: group.map((tx) => tx.id).sort().join(' '),
    });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.customerId.localeCompare(b.customerId) || a.rule.localeCompare(b.rule)
    || a.transactionIds.localeCompare(b.transactionIds));
}

export const LARGE_VALUE_COLUMNS = ['rule', 'customerId', 'date', 'currency', 'direction', 'count', 'total', 'transactionIds'] as const;
