import type { Decider, DomainEvent } from '../decider.js';
import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';

/**
 * A bank credit (one `bank_txn_id`, unique per bank, not per loan) was recorded on `loanId`: the
 * first statement line (or suspense assignment) that put it on a loan says where it went, and every
 * later statement carrying it is compared with this.
 */
export type BankTransactionRecorded = DomainEvent<'BankTransactionRecorded', {
  bankTxnId: string;
  loanId: string;
  amount: string;
  currency: string;
  date: string;
  /** The statement whose line recorded it; absent when staff keyed the transfer in (its reference is the bank's id). */
  statementId?: string;
}>;
export type BankTransactionEvent = BankTransactionRecorded;

export type RecordBankTransaction = { type: 'RecordBankTransaction'; data: BankTransactionRecorded['data'] };

export interface BankTransactionState {
  recorded: BankTransactionRecorded['data'] | null;
}

/** What a bank transaction already on a loan says about another line carrying it; null when nothing contradicts it. */
export function bankTransactionConflict(state: BankTransactionState, line: { loanId: string; amount: string; currency: string }): DomainError | null {
  const { recorded } = state;
  if (recorded === null) return null;
  if (recorded.loanId !== line.loanId) {
    return new DomainError('BANK_TXN_ON_OTHER_LOAN', `bank transaction ${recorded.bankTxnId} is already recorded on loan ${recorded.loanId}`, 'conflict', { loanId: recorded.loanId });
  }
  if (recorded.currency !== line.currency || !new Dec(recorded.amount).equals(line.amount)) {
    return new DomainError('BANK_TXN_AMOUNT_DIFFERS', `bank transaction ${recorded.bankTxnId} was recorded as ${recorded.amount} ${recorded.currency}, not ${line.amount} ${line.currency}`, 'conflict', { amount: recorded.amount, currency: recorded.currency });
  }
  return null;
}

/**
 * One bank transaction's stream: recorded on one loan, once. The same loan and amount again is a
 * no-op (an overlapping statement); another loan is BANK_TXN_ON_OTHER_LOAN 409, another amount
 * BANK_TXN_AMOUNT_DIFFERS 409.
 */
export const bankTransactionDecider: Decider<RecordBankTransaction, BankTransactionEvent, BankTransactionState> = {
  decide({ data }, state) {
    const conflict = bankTransactionConflict(state, data);
    if (conflict) throw conflict;
    return state.recorded === null ? [{ type: 'BankTransactionRecorded', data }] : [];
  },
  evolve: (state, event) => (state.recorded === null ? { recorded: { ...event.data } } : state),
  initialState: () => ({ recorded: null }),
};
