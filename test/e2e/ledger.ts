import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { STAFF, type TestApp } from '../support/test-app.js';
import { query } from './http.js';

/** CNY balance (debit − credit) per ledger account. */
export type LedgerBalances = Map<string, Decimal>;

interface TrialBalance {
  rows: { currency: string; account: string; balance: string }[];
  totals: { currency: string; debit: string; credit: string; balanced: boolean }[];
}

/** The trial balance once the ledger has applied `minPosition` (if given); fails unless every currency balances. */
export async function ledgerBalances(t: TestApp, minPosition?: string): Promise<LedgerBalances> {
  // As of the business date (the default), on or after every date the journey books on: a later asOf is refused (422).
  const report = await query<TrialBalance>(t, STAFF.compliance, '/v1/reports/ledger/trial-balance', minPosition);
  for (const total of report.totals) expect(total, `${total.currency} trial balance`).toMatchObject({ balanced: true, debit: total.credit });
  return new Map(report.rows.filter((row) => row.currency === 'CNY').map((row) => [row.account, new Decimal(row.balance)]));
}

/** How much each account in `after` moved since `before`, to the cent (an account absent before started at zero). */
export function ledgerMovement(before: LedgerBalances, after: LedgerBalances): Record<string, string> {
  return Object.fromEntries([...after].map(([account, balance]) => [account, balance.minus(before.get(account) ?? 0).toFixed(2)]));
}
