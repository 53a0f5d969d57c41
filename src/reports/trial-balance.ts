import { Decimal } from 'decimal.js';
import { minorUnits } from '../domain/money.js';
import { LEDGER_ACCOUNTS, type JournalEntry, type LedgerAccount } from '../projections/models/general-ledger/accounts.js';

export interface TrialBalanceRow {
  currency: string;
  account: LedgerAccount;
  debit: string;
  credit: string;
  /** debit − credit: positive for assets and expenses, negative for income and liabilities. */
  balance: string;
}

export interface TrialBalanceTotal {
  currency: string;
  debit: string;
  credit: string;
  balanced: boolean;
}

export interface TrialBalance {
  asOf: string;
  rows: TrialBalanceRow[];
  totals: TrialBalanceTotal[];
}

/**
 * The trial balance from the journal as of a business date (inclusive): every account of every
 * currency seen, in chart order. Σ debits = Σ credits per currency whenever each entry balances.
 */
export function buildTrialBalance(entries: Iterable<JournalEntry>, asOf: string): TrialBalance {
  const sums = new Map<string, Map<LedgerAccount, { debit: Decimal; credit: Decimal }>>();
  for (const entry of entries) {
    if (entry.date > asOf) continue;
    let accounts = sums.get(entry.currency);
    if (!accounts) {
      accounts = new Map(LEDGER_ACCOUNTS.map((account) => [account, { debit: new Decimal(0), credit: new Decimal(0) }]));
      sums.set(entry.currency, accounts);
    }
    for (const line of entry.lines) {
      const sum = accounts.get(line.account);
      if (sum) sum[line.side] = sum[line.side].plus(line.amount);
    }
  }
  const rows: TrialBalanceRow[] = [];
  const totals: TrialBalanceTotal[] = [];
  for (const currency of [...sums.keys()].sort()) {
    const scale = minorUnits(currency);
    let debit = new Decimal(0);
    let credit = new Decimal(0);
    for (const [account, sum] of sums.get(currency) ?? []) {
      rows.push({
        currency, account,
        debit: sum.debit.toFixed(scale), credit: sum.credit.toFixed(scale), balance: sum.debit.minus(sum.credit).toFixed(scale),
      });
      debit = debit.plus(sum.debit);
      credit = credit.plus(sum.credit);
    }
    totals.push({ currency, debit: debit.toFixed(scale), credit: credit.toFixed(scale), balanced: debit.eq(credit) });
  }
  return { asOf, rows, totals };
}

/** True when the entry's debits equal its credits. */
export function entryIsBalanced(entry: Pick<JournalEntry, 'lines'>): boolean {
  const net = entry.lines.reduce((sum, line) => (line.side === 'debit' ? sum.plus(line.amount) : sum.minus(line.amount)), new Decimal(0));
  return net.isZero();
}
