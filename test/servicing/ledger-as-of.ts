import { expect } from 'vitest';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';

const DEBIT_ACCOUNTS = ['loan_portfolio', 'interest_receivable', 'fee_receivable', 'penalty_receivable'];
const CREDIT_ACCOUNTS = ['interest_income', 'fee_income', 'penalty_income'];

/**
 * A trial balance as of any date the journal books on shows a state the loan was really in: no
 * negative receivable or portfolio, no income on the debit side (a void booked before the charge
 * it voids would show both).
 */
export function everyAsOfViewIsReal(journal: JournalEntry[]): void {
  for (const date of new Set(journal.map((e) => e.date))) {
    const rows = buildTrialBalance(journal, date).rows;
    for (const row of rows) {
      if (DEBIT_ACCOUNTS.includes(row.account)) expect(row.balance.startsWith('-'), `${row.account} as of ${date}: ${row.balance}`).toBe(false);
      if (CREDIT_ACCOUNTS.includes(row.account)) expect(row.balance === '0.00' || row.balance.startsWith('-'), `${row.account} as of ${date}: ${row.balance}`).toBe(true);
    }
  }
}
