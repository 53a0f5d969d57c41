import { Dec, type Decimal } from '../../domain/decimal.js';
import { loanFigures } from '../../domain/loan/figures.js';
import type { LoanState } from '../../domain/loan/state.js';
import { currentLoanState } from '../queries/loan-time-travel.js';
import { businessToday, type AppServices } from '../services.js';
import { loadPayout, payoutDesk } from './payout-stream.js';

export interface RefundableCredit {
  loan: LoanState;
  /** The loan's credit balance today, from its figures (zero unless overpaid). */
  credit: Decimal;
  /** Promised to payouts still pending. */
  reserved: Decimal;
  /** credit − reserved: what a new payout may take at most. */
  free: Decimal;
  /** How many payouts the desk held when counted (the reservation's concurrency check). */
  seen: number;
}

/** What of the loan's credit balance is still free to refund; null when the loan does not exist. */
export async function refundableCredit(services: AppServices, loanId: string): Promise<RefundableCredit | null> {
  const loan = await currentLoanState(services.eventStore, loanId);
  if (loan === null || loan.customerId === null) return null;
  const desk = await payoutDesk(services.eventStore, loanId);
  const ids = desk.payoutIds;
  let reserved = new Dec(0);
  for (const id of ids) {
    const payout = await loadPayout(services.eventStore, id);
    // Reserved on the desk but its payout not created yet (another request is between the two
    // appends): its amount is promised all the same, or two officers could both take the credit.
    if (payout === null) reserved = reserved.plus(desk.reserved[id] ?? '0');
    else if (payout.state.status === 'pending') reserved = reserved.plus(payout.state.amount ?? '0');
  }
  const figure = new Dec(loanFigures(loan, businessToday(services)).creditBalance);
  const credit = figure.gt(0) ? figure : new Dec(0);
  const free = credit.minus(reserved);
  return { loan, credit, reserved, free: free.gt(0) ? free : new Dec(0), seen: ids.length };
}
