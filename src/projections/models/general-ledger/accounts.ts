import type { Doc } from '../../../readstore/port.js';

/** The chart of accounts of the accrual-based rule (DOMAIN.md "Accounting"). */
export const LEDGER_ACCOUNTS = [
  'fund_source', 'loan_portfolio', 'interest_receivable', 'fee_receivable', 'penalty_receivable',
  'interest_income', 'fee_income', 'penalty_income', 'losses_written_off', 'recovery_income',
  'overpayment_liability',
] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

export interface JournalLine {
  account: LedgerAccount;
  side: 'debit' | 'credit';
  amount: string;
}

export type JournalKind =
  | 'disbursement' | 'interest_accrual' | 'penalty_charge' | 'repayment' | 'waiver'
  | 'write_off' | 'recovery' | 'refund';

/** One balanced journal entry per money-moving event; id = eventId. */
export interface JournalEntry extends Doc {
  eventId: string;
  loanId: string;
  kind: JournalKind;
  /** Business date (YYYY-MM-DD) the entry is booked on; the trial balance filters on it. */
  date: string;
  currency: string;
  position: string;
  lines: JournalLine[];
}

/** Running totals of one account in one currency; id = `${currency}:${account}`. */
export interface AccountBalance extends Doc {
  currency: string;
  account: LedgerAccount;
  debit: string;
  credit: string;
}

/**
 * What the ledger must remember about a loan to keep receivables from going negative: its
 * currency and the current balance of each loan-level account.
 */
export interface LoanLedgerPosition extends Doc {
  currency: string;
  customerId: string;
  loan_portfolio: string;
  interest_receivable: string;
  fee_receivable: string;
  penalty_receivable: string;
  overpayment_liability: string;
}

export type PositionAccount = 'loan_portfolio' | 'interest_receivable' | 'fee_receivable' | 'penalty_receivable' | 'overpayment_liability';

export function balanceId(currency: string, account: LedgerAccount): string {
  return `${currency}:${account}`;
}
