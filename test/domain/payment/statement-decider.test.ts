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

  it('folds a suspended line without copying the lines before it, so a long statement loads in linear time (QA9 Q13)', () => {
    let state = statementDecider.evolve(statementDecider.initialState(), imported);
    const book = state.suspended;
    for (let i = 0; i < 1000; i += 1) {
      state = statementDecider.evolve(state, { type: 'StatementLineSuspended', data: { statementId: 's1', line: { ...line, bankTxnId: `BK-${i}` }, reason: 'NO_REFERENCE' } });
    }
    expect(state.suspended).toBe(book);
    expect(Object.keys(state.suspended)).toHaveLength(1000);
  });

  it('keeps bank ids that are also Object property names as ordinary lines', () => {
    const odd = (bankTxnId: string): StatementEvent => ({ type: 'StatementLineSuspended', data: { statementId: 's1', line: { ...line, bankTxnId }, reason: 'NO_REFERENCE' } });
    given(statementDecider, [imported]).when({ ...assign('l2'), data: { ...assign('l2').data, bankTxnId: 'constructor' } }).thenThrows('SUSPENSE_LINE_NOT_FOUND', 'not_found');
    const state = given(statementDecider, [imported, odd('__proto__'), odd('constructor')]).when({ ...assign('l2'), data: { ...assign('l2').data, bankTxnId: '__proto__' } })
      .then([{ type: 'SuspenseLineAssigned', data: { statementId: 's1', bankTxnId: '__proto__', loanId: 'l2', assignedBy: 'olga' } }]);
    expect(Object.keys(state.suspended).sort()).toEqual(['__proto__', 'constructor']);
  });
});
