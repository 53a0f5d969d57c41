import type { Classification, LoanStatus } from './events.js';
import { loanFigures, type Outstanding } from './figures.js';
import type { LoanFlag, LoanState } from './state.js';

export interface LoanSummary {
  status: LoanStatus | 'none';
  flags: LoanFlag[];
  currency: string;
  principal: string | null;
  outstanding: Outstanding;
  nextDue: { date: string; amount: string } | null;
  daysPastDue: number;
  classification: Classification;
}

/**
 * The loan summary (DESIGN.md "HTTP API") as of `date` (default: the latest date the loan knows):
 * the same figures the read model stores, from the one figures function.
 */
export function summarizeLoan(state: LoanState, date?: string): LoanSummary {
  const figures = loanFigures(state, date);
  return {
    status: state.status,
    flags: [...state.flags],
    currency: state.currency,
    principal: state.disbursement?.amount ?? state.principalApproved ?? state.principalRequested,
    outstanding: figures.outstanding,
    nextDue: figures.nextDue,
    daysPastDue: figures.daysPastDue,
    classification: state.classification,
  };
}
