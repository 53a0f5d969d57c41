import { Dec } from '../decimal.js';
import { daysPastDue } from './delinquency.js';
import type { Classification, LoanStatus } from './events.js';
import { fmt, owedTotal } from './installment.js';
import { payoffQuote } from './payoff.js';
import type { LoanFlag, LoanState } from './state.js';

export interface LoanSummary {
  status: LoanStatus | 'none';
  flags: LoanFlag[];
  currency: string;
  principal: string | null;
  outstanding: { principal: string; interest: string; fees: string; penalties: string; total: string };
  nextDue: { date: string; amount: string } | null;
  daysPastDue: number;
  classification: Classification;
}

/** The latest business date the loan knows of: what a summary without a date is as of. */
function asOfDate(state: LoanState): string | null {
  const dates = [state.lastEodDate, state.lastPaymentDate, state.disbursement?.date ?? null, state.closedOn].filter((d): d is string => d !== null);
  return dates.length === 0 ? null : dates.reduce((a, b) => (a > b ? a : b));
}

/**
 * The loan summary read model (DESIGN.md "HTTP API"): what is owed as of `date` (interest accrued
 * to date, never future interest), the next installment due and days past due. A written-off loan
 * owes nothing on the books.
 */
export function summarizeLoan(state: LoanState, date?: string): LoanSummary {
  const c = state.currency;
  const asOf = date ?? asOfDate(state);
  const zero = fmt(new Dec(0), c);
  const owing = state.status !== 'written_off' && asOf !== null;
  const quote = owing ? payoffQuote(state, asOf) : null;
  const next = asOf === null ? undefined : state.installments.slice(state.firstUnsettled).find((inst) => !inst.settled && inst.dueDate >= asOf);
  return {
    status: state.status,
    flags: [...state.flags],
    currency: c,
    principal: state.disbursement?.amount ?? state.principalApproved ?? state.principalRequested,
    outstanding: {
      principal: quote?.principal ?? zero,
      interest: quote?.interest ?? zero,
      fees: quote?.fees ?? zero,
      penalties: quote?.penalties ?? zero,
      total: quote?.total ?? zero,
    },
    nextDue: next ? { date: next.dueDate, amount: fmt(owedTotal(next), c) } : null,
    daysPastDue: asOf === null || !owing ? state.daysPastDue : daysPastDue(state.installments, state.firstUnsettled, asOf),
    classification: state.classification,
  };
}
