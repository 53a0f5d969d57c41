import { Decimal } from 'decimal.js';
import { daysBetween } from '../domain/calendar.js';
import { minorUnits } from '../domain/money.js';
import type { RegulatoryLoan, RegulatoryTransaction } from '../projections/models/regulatory/documents.js';
import { DEFAULT_AML_THRESHOLDS, type AmlThresholds } from './aml-thresholds.js';

export interface SuspiciousRow {
  /** `structuring`: payments split just under the threshold; `fast-payoff`: a loan repaid in full soon after disbursement. */
  rule: 'structuring' | 'fast-payoff';
  customerId: string;
  loanId: string | null;
  currency: string;
  from: string;
  to: string;
  count: number;
  total: string;
  /** Space-separated event ids (structuring) or the loan id (fast payoff). */
  evidence: string;
}

export interface SuspiciousOptions {
  thresholds?: AmlThresholds;
  /** Payments at or above threshold × (1 − margin) and below the threshold count as "just under". */
  margin?: string;
  minPayments?: number;
  /** Just-under payments whose first and last are at most this many days apart form a pattern. */
  structuringDays?: number;
  /** A loan closed by repayment at most this many days after disbursement is flagged. */
  fastPayoffDays?: number;
}

function justUnder(tx: RegulatoryTransaction, thresholds: AmlThresholds, margin: Decimal): boolean {
  const threshold = thresholds[tx.currency];
  // A reversed repayment (bounced, charged back) never counts: the money did not stand.
  if (threshold === undefined || tx.direction !== 'in' || tx.reversedOn !== undefined) return false;
  const amount = new Decimal(tx.amount);
  return amount.lt(threshold) && amount.gte(new Decimal(threshold).times(new Decimal(1).minus(margin)));
}

/** Clusters of ≥ minPayments just-under-threshold incoming payments per customer within the window; clusters never overlap. */
function findStructuring(transactions: Iterable<RegulatoryTransaction>, options: Required<SuspiciousOptions>): SuspiciousRow[] {
  const margin = new Decimal(options.margin);
  const byCustomer = new Map<string, RegulatoryTransaction[]>();
  for (const tx of transactions) {
    if (!justUnder(tx, options.thresholds, margin)) continue;
    const key = `${tx.customerId}|${tx.currency}`;
    const list = byCustomer.get(key);
    if (list) list.push(tx);
    else byCustomer.set(key, [tx]);
  }
  const rows: SuspiciousRow[] = [];
  for (const payments of byCustomer.values()) {
    payments.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    let start = 0;
    while (start < payments.length) {
      let end = start;
      while (end + 1 < payments.length && daysBetween(payments[start]!.date, payments[end + 1]!.date) <= options.structuringDays) end += 1;
      const cluster = payments.slice(start, end + 1);
      if (cluster.length >= options.minPayments) {
        const first = cluster[0]!;
        rows.push({
          rule: 'structuring', customerId: first.customerId, loanId: null, currency: first.currency, from: first.date,
          to: cluster[cluster.length - 1]!.date, count: cluster.length,
          total: cluster.reduce((sum, tx) => sum.plus(tx.amount), new Decimal(0)).toFixed(minorUnits(first.currency)),
          evidence: cluster.map((tx) => tx.id).join(' '),
        });
        start = end + 1;
      } else {
        start += 1;
      }
    }
  }
  return rows;
}

function findFastPayoffs(loans: Iterable<RegulatoryLoan>, days: number): SuspiciousRow[] {
  const rows: SuspiciousRow[] = [];
  for (const loan of loans) {
    if (loan.closeReason !== 'obligations_met' || !loan.disbursedOn || !loan.closedOn || !loan.principal) continue;
    if (daysBetween(loan.disbursedOn, loan.closedOn) > days) continue;
    rows.push({
      rule: 'fast-payoff', customerId: loan.customerId, loanId: loan.id, currency: loan.currency, from: loan.disbursedOn,
      to: loan.closedOn, count: 1, total: loan.principal, evidence: loan.id,
    });
  }
  return rows;
}

/** Suspicious-transaction candidates (PBoC): structuring just under the large-value threshold and fast borrow-and-repay. */
export function findSuspiciousActivity(
  transactions: Iterable<RegulatoryTransaction>,
  loans: Iterable<RegulatoryLoan>,
  options: SuspiciousOptions = {},
): SuspiciousRow[] {
  const settings: Required<SuspiciousOptions> = {
    thresholds: DEFAULT_AML_THRESHOLDS, margin: '0.1', minPayments: 3, structuringDays: 7, fastPayoffDays: 30, ...options,
  };
  return [...findStructuring(transactions, settings), ...findFastPayoffs(loans, settings.fastPayoffDays)]
    .sort((a, b) => a.from.localeCompare(b.from) || a.customerId.localeCompare(b.customerId) || a.rule.localeCompare(b.rule));
}

export const SUSPICIOUS_COLUMNS = ['rule', 'customerId', 'loanId', 'currency', 'from', 'to', 'count', 'total', 'evidence'] as const;
