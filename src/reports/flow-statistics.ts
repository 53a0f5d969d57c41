import { Decimal } from 'decimal.js';
import { minorUnits } from '../domain/money.js';
import type { RegulatoryTransaction, TransactionKind } from '../projections/models/regulatory/documents.js';

export type Granularity = 'day' | 'month';

export interface FlowStatisticsRow {
  /** YYYY-MM-DD for days, YYYY-MM for months. */
  period: string;
  kind: TransactionKind;
  channel: string;
  currency: string;
  count: number;
  amount: string;
}

/**
 * Disbursements, repayments, recoveries and refunds summed per period, kind, channel and currency,
 * in that order. A reversed repayment (`reversedOn`) never counts: the money did not stand.
 */
export function buildFlowStatistics(transactions: Iterable<RegulatoryTransaction>, granularity: Granularity): FlowStatisticsRow[] {
  const groups = new Map<string, { row: Omit<FlowStatisticsRow, 'amount'>; amount: Decimal }>();
  for (const tx of transactions) {
    if (tx.reversedOn !== undefined) continue;
    const period = granularity === 'day' ? tx.date : tx.date.slice(0, 7);
    const key = [period, tx.kind, tx.channel, tx.currency].join('|');
    const group = groups.get(key) ?? { row: { period, kind: tx.kind, channel: tx.channel, currency: tx.currency, count: 0 }, amount: new Decimal(0) };
    group.row.count += 1;
    group.amount = group.amount.plus(tx.amount);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, group]) => ({ ...group.row, amount: group.amount.toFixed(minorUnits(group.row.currency)) }));
}

export const FLOW_STATISTICS_COLUMNS = ['period', 'kind', 'channel', 'currency', 'count', 'amount'] as const;
