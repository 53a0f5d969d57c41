/** The chart of accounts of the accrual-based rule (DOMAIN.md "Accounting", Fineract's accrual processor). */
export const LEDGER_ACCOUNTS = [
  'fund_source', 'loan_portfolio', 'interest_receivable', 'fee_receivable', 'penalty_receivable',
  'interest_income', 'fee_income', 'penalty_income', 'losses_written_off', 'recovery_income',
  'overpayment_liability',
] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

/** One loan's balance on every account, debit positive and credit negative, as decimal strings; they sum to zero. */
export type LedgerBalances = Record<LedgerAccount, string>;
