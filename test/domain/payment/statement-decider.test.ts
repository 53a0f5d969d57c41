import { describe, expect, it } from 'vitest';
import { statementDecider } from '../../../src/domain/payment/statement-decider.js';
import type { StatementEvent } from '../../../src/domain/payment/statement-events.js';
import { given } from '../decider-spec.js';

const line = { bankTxnId: 'BK-1', date: '2026-02-15', amount: '10.00', currency: 'CNY', memo: 'x' };
const other = { ...line, bankTxnId: 'BK-2' };
const imported: StatementEvent = { type: 'BankStatementImported', data: { statementId: 's1', format: 'csv', lineCount: 2, importedBy: 'olga' } };
const matched: StatementEvent = { type: 'StatementLineMatched', data: { statementId: 's1', line, loanId: 'l1', reference: 'LCX' } };
const suspended: StatementEvent = { type: 'StatementLineSuspended', data: { statementId: 's1', line: other, reason: 'NO_REFERENCE' } };
const importCommand = {
  type: 'ImportStatement' as const,
  data: { statementId: 's1', format: 'csv' as const, importedBy: 'olga', lines: [{ line, loanId: 'l1', reference: 'LCX' }, { line: other, reason: 'NO_REFERENCE' }] },
};
const assign = (loanId: string) => ({ type: 'AssignSuspenseLine' as const, data: { bankTxnId: 'BK-2', loanId, assignedBy: 'olga' } });

describe('bank statement decider', () => {
  it('imports once: matched and suspended lines; the same statement again records nothing', () => {
    given(statementDecider).when(importCommand).then([imported, matched, suspended]);
    given(statementDecider, [imported, matched, suspended]).when(importCommand).then([]);
  });

  it('assigns a suspended line once, to one loan', () => {
    const assigned: StatementEvent = { type: 'SuspenseLineAssigned', data: { statementId: 's1', bankTxnId: 'BK-2', loanId: 'l2', assignedBy: 'olga' } };
    const state = given(statementDecider, [imported, matched, suspended]).when(assign('l2')).then([assigned]);
    expect(state.suspended['BK-2']).toEqual({ assignedTo: 'l2' });
    given(statementDecider, [imported, matched, suspended, assigned]).when(assign('l2')).then([]);
    given(statementDecider, [imported, matched, suspended, assigned]).when(assign('l3')).thenThrows('SUSPENSE_LINE_ASSIGNED', 'conflict');
    given(statementDecider, [imported, matched]).when(assign('l2')).thenThrows('SUSPENSE_LINE_NOT_FOUND', 'not_found');
  });
});
