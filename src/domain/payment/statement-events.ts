import type { DomainEvent } from '../decider.js';

/** How the statement came: CSV with the documented columns, or SWIFT MT940. */
export type StatementFormat = 'csv' | 'mt940';

/** One credit line of a bank statement as imported: amount a decimal string, date YYYY-MM-DD. */
export interface StatementLine {
  /** The bank's transaction id: the line's id and, once recorded, the repayment reference. */
  bankTxnId: string;
  date: string;
  amount: string;
  currency: string;
  memo: string;
}

export type BankStatementImported = DomainEvent<'BankStatementImported', { statementId: string; format: StatementFormat; lineCount: number; importedBy: string }>;
/**
 * The line paid a loan: recorded as its repayment with the bank txn id as reference.
 * `alreadyRecorded`: an earlier statement recorded it; this one recorded nothing new.
 */
export type StatementLineMatched = DomainEvent<'StatementLineMatched', { statementId: string; line: StatementLine; loanId: string; reference: string; alreadyRecorded?: true }>;
/** The line could not be matched (`reason`: a stable code) and waits in the suspense queue for an officer. */
export type StatementLineSuspended = DomainEvent<'StatementLineSuspended', { statementId: string; line: StatementLine; reason: string }>;
/** An officer assigned a suspended line to a loan; the repayment was recorded. */
export type SuspenseLineAssigned = DomainEvent<'SuspenseLineAssigned', { statementId: string; bankTxnId: string; loanId: string; assignedBy: string }>;

export type StatementEvent = BankStatementImported | StatementLineMatched | StatementLineSuspended | SuspenseLineAssigned;
