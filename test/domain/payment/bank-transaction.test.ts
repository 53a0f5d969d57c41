import { describe, it } from 'vitest';
import { bankTransactionDecider, type BankTransactionRecorded } from '../../../src/domain/payment/bank-transaction.js';
import { given } from '../decider-spec.js';

const data = { bankTxnId: 'T-1', loanId: 'loan-x', amount: '75.00', currency: 'CNY', date: '2026-02-16', statementId: 's1' };
const recorded: BankTransactionRecorded = { type: 'BankTransactionRecorded', data };
const record = (change: Partial<typeof data>) => ({ type: 'RecordBankTransaction' as const, data: { ...data, ...change } });

describe('bank transaction decider', () => {
  it('puts one bank transaction on one loan at one amount; the same again (another statement) is a no-op', () => {
    given(bankTransactionDecider, []).when(record({})).then([recorded]);
    given(bankTransactionDecider, [recorded]).when(record({ statementId: 's2' })).then([]);
    given(bankTransactionDecider, [recorded]).when(record({ amount: '75' })).then([]);
  });

  it('refuses another loan or another amount (409)', () => {
    given(bankTransactionDecider, [recorded]).when(record({ loanId: 'loan-y' })).thenThrows('BANK_TXN_ON_OTHER_LOAN', 'conflict');
    given(bankTransactionDecider, [recorded]).when(record({ amount: '76.00' })).thenThrows('BANK_TXN_AMOUNT_DIFFERS', 'conflict');
    given(bankTransactionDecider, [recorded]).when(record({ currency: 'USD' })).thenThrows('BANK_TXN_AMOUNT_DIFFERS', 'conflict');
  });
});
