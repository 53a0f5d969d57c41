import { Decimal } from 'decimal.js';
import { minorUnits } from '../domain/money.js';
import type { LoanBookEntry } from './loan-book.js';

export interface PortfolioRow {
  productId: string;
  status: string;
  currency: string;
  count: number;
  principal: string;
  total: string;
}

/** Outstanding principal and total per product, status and currency, every loan counted once. */
export function buildPortfolioByProductAndStatus(loans: Iterable<LoanBookEntry>): PortfolioRow[] {
  const groups = new Map<string, { row: Omit<PortfolioRow, 'principal' | 'total'>; principal: Decimal; total: Decimal }>();
  for (const loan of loans) {
    const key = [loan.productId, loan.status, loan.currency].join('|');
    const group = groups.get(key)
      ?? { row: { productId: loan.productId, status: loan.status, currency: loan.currency, count: 0 }, principal: new Decimal(0), total: new Decimal(0) };
    group.row.count += 1;
    group.principal = group.principal.plus(loan.outstanding.principal);
    group.total = group.total.plus(loan.outstanding.total);
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => ({
    ...g.row, principal: g.principal.toFixed(minorUnits(g.row.currency)), total: g.total.toFixed(minorUnits(g.row.currency)),
  }));
}

export const PORTFOLIO_COLUMNS = ['productId', 'status', 'currency', 'count', 'principal', 'total'] as const;
