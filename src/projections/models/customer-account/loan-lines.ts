import type { RecordedEvent } from '../../../eventstore/port.js';
import { minorUnits } from '../../../domain/money.js';
import { formatMinor } from '../../../domain/schedule/minor-units.js';
import type { ProjectionContext } from '../../projection.js';
import { parseFixed } from '../fixed-point.js';
import { entityIdOf } from '../stream-id.js';
import {
  CUSTOMER_ACCOUNT, CUSTOMER_ACCOUNT_LOANS, type CustomerAccountDoc, type CustomerLoanDoc, type CustomerLoanLine,
} from './documents.js';

const CLOSED = new Set(['rejected', 'withdrawn', 'closed', 'written_off']);

/** The account centre's per-currency totals of its loan lines (the query re-totals lines it brings to the business date). */
export function totalsOf(lines: CustomerLoanLine[]): CustomerAccountDoc['totals'] {
  const byCurrency = new Map<string, { loans: number; open: number; principal: bigint; outstanding: bigint }>();
  for (const line of lines) {
    const places = minorUnits(line.currency);
    const sum = byCurrency.get(line.currency) ?? { loans: 0, open: 0, principal: 0n, outstanding: 0n };
    sum.loans += 1;
    if (!CLOSED.has(line.status)) sum.open += 1;
    sum.principal += parseFixed(line.principal, places);
    sum.outstanding += parseFixed(line.outstanding, places);
    byCurrency.set(line.currency, sum);
  }
  return [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, s]) => ({
    currency, loans: s.loans, open: s.open, principal: formatMinor(s.principal, minorUnits(currency)), outstanding: formatMinor(s.outstanding, minorUnits(currency)),
  }));
}

/**
 * Folds a loan event into the loan the account centre follows, then (once per batch, from the loan
 * after its last event in the batch) rewrites that loan's line and the customer's totals.
 */
export async function foldLoanIntoAccount(event: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const loanId = entityIdOf(event, 'loan');
  const loan = await ctx.get<CustomerLoanDoc>(CUSTOMER_ACCOUNT_LOANS, loanId);
  if (!loan && event.type !== 'LoanApplicationSubmitted') {
    throw new Error(`${event.type} ${event.eventId}: loan ${loanId} has no application in the account centre`);
  }
  // Folded now, so the cache follows the loan event by event; the line waits for the settle.
  const customerId = (await ctx.loans.after(event)).state.customerId ?? '';
  if (!loan) ctx.put(CUSTOMER_ACCOUNT_LOANS, { id: loanId, customerId });
  ctx.settle(loanId, event, () => writeLine(event, loanId, customerId, ctx));
}

async function writeLine(event: RecordedEvent, loanId: string, customerId: string, ctx: ProjectionContext): Promise<void> {
  const account = await ctx.get<CustomerAccountDoc>(CUSTOMER_ACCOUNT, customerId);
  if (!account) throw new Error(`${event.type} ${event.eventId}: customer ${customerId} of loan ${loanId} was never registered`);
  const folded = await ctx.loans.after(event);
  const state = folded.state;
  const figures = folded.figures();
  const line: CustomerLoanLine = {
    loanId, status: state.status === 'none' ? 'submitted' : state.status, currency: state.currency,
    principal: state.disbursement?.amount ?? state.principalApproved ?? state.principalRequested ?? '0',
    outstanding: figures.outstanding.total, nextDue: figures.nextDue,
  };
  const loans = account.loans.some((l) => l.loanId === loanId)
    ? account.loans.map((l) => (l.loanId === loanId ? line : l))
    : [...account.loans, line];
  ctx.put(CUSTOMER_ACCOUNT, { ...account, loans, totals: totalsOf(loans) });
}
