import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { StatementEvent, StatementFormat, StatementLine } from './statement-events.js';

/** How the application classified each line before import: matched (and recorded) on a loan, or suspended with a reason. */
export type ClassifiedLine = { line: StatementLine; loanId: string; reference: string; alreadyRecorded?: true } | { line: StatementLine; reason: string };

export type StatementCommand =
  | { type: 'ImportStatement'; data: { statementId: string; format: StatementFormat; importedBy: string; lines: ClassifiedLine[] } }
  | { type: 'AssignSuspenseLine'; data: { bankTxnId: string; loanId: string; assignedBy: string } };

export interface StatementState {
  statementId: string | null;
  /** Suspended lines by bank txn id, with the loan once assigned. */
  suspended: Record<string, { assignedTo: string | null }>;
}

function decideStatement(command: StatementCommand, state: StatementState): StatementEvent[] {
  switch (command.type) {
    case 'ImportStatement': {
      // The same statement again (same bytes, same id) records nothing new.
      if (state.statementId !== null) return [];
      const { statementId, format, importedBy, lines } = command.data;
      return [
        { type: 'BankStatementImported', data: { statementId, format, lineCount: lines.length, importedBy } },
        ...lines.map((c): StatementEvent => ('loanId' in c
          ? { type: 'StatementLineMatched', data: { statementId, line: c.line, loanId: c.loanId, reference: c.reference, ...(c.alreadyRecorded ? { alreadyRecorded: true as const } : {}) } }
          : { type: 'StatementLineSuspended', data: { statementId, line: c.line, reason: c.reason } })),
      ];
    }
    case 'AssignSuspenseLine': {
      const { bankTxnId, loanId, assignedBy } = command.data;
      const line = state.suspended[bankTxnId];
      if (state.statementId === null || line === undefined) throw new DomainError('SUSPENSE_LINE_NOT_FOUND', `no suspended line ${bankTxnId}`, 'not_found');
      if (line.assignedTo === loanId) return [];
      if (line.assignedTo !== null) throw new DomainError('SUSPENSE_LINE_ASSIGNED', `line ${bankTxnId} was already assigned to loan ${line.assignedTo}`, 'conflict');
      return [{ type: 'SuspenseLineAssigned', data: { statementId: state.statementId, bankTxnId, loanId, assignedBy } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

/**
 * Folds one statement event into the state. It updates `state` in place and returns it (as the
 * loan's evolve does), so a statement of n suspended lines folds in O(n): copying the suspended
 * map on every line made an 8 000-line import quadratic (QA9 Q13). Fold from `initialState()` or
 * a decoded snapshot, never from a state still in use.
 */
function evolveStatement(state: StatementState, event: StatementEvent): StatementState {
  switch (event.type) {
    case 'BankStatementImported':
      state.statementId = event.data.statementId;
      return state;
    case 'StatementLineMatched':
      return state;
    case 'StatementLineSuspended':
      state.suspended[event.data.line.bankTxnId] = { assignedTo: null };
      return state;
    case 'SuspenseLineAssigned':
      state.suspended[event.data.bankTxnId] = { assignedTo: event.data.loanId };
      return state;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** A bank statement's stream: imported once; its suspended lines assigned to loans one at a time. Its `evolve` updates the given state in place. */
export const statementDecider: Decider<StatementCommand, StatementEvent, StatementState> = {
  decide: decideStatement,
  evolve: evolveStatement,
  // Null prototype: bank ids are keys, and `__proto__` or `constructor` is a valid one.
  initialState: () => ({ statementId: null, suspended: Object.create(null) as StatementState['suspended'] }),
};
