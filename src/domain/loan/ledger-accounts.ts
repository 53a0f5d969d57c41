/**
 * The chart of accounts of the accrual-based rule (DOMAIN.md "Accounting", Fineract's accrual
 * processor). `received_in_advance` is the liability for interest and fees paid before they are
 * earned (interest of days accruals have not reached, fees of installments not yet due): income
 * takes them from it as accruals earn them. `interest_in_suspense` holds interest of non-performing
 * days a reschedule capitalised into principal: not income until cash repays it (RBI's "interest
 * capitalisation" sundry liability), released as the last principal is repaid.
 */
export const LEDGER_ACCOUNTS = [
  'fund_source', 'loan_portfolio', 'interest_receivable', 'fee_receivable', 'penalty_receivable',
  'interest_income', 'fee_income', 'penalty_income', 'losses_written_off', 'recovery_income',
  'overpayment_liability', 'received_in_advance', 'interest_in_suspense',
] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

/** One loan's balance on every account, debit positive and credit negative, as decimal strings; they sum to zero. */
export type LedgerBalances = Record<LedgerAccount, string>;
