import { loadAggregate } from '../../commands/load-aggregate.js';
import { Dec, type Decimal } from '../../domain/decimal.js';
import { processLoanDecider } from '../loans/loan-decider.js';
import { loanFigures } from '../../domain/loan/figures.js';
import type { LoanState } from '../../domain/loan/state.js';
import { businessToday, type AppServices } from '../services.js';
import { LOAN_SNAPSHOT, loanStream } from '../streams.js';
import { loadPayout, payoutDesk } from './payout-stream.js';

export interface RefundableCredit {
  loan: LoanState;
  /** The loan's revision when counted: a decree's loan command is appended at it. */
  loanRevision: bigint;
  /** The loan's credit balance today, from its figures (zero unless overpaid). */
  credit: Decimal;
  /** Promised to payouts waiting for approval or still pending, to payouts paid but not yet on the loan, and to decrees in flight. */
  reserved: Decimal;
  /** credit − reserved: what a new payout may take at most. */
  free: Decimal;
  /** How many entries the desk held when counted (the reservation's concurrency check). */
  seen: number;
}

/**
 * What of the loan's credit balance is still free to refund; null when the loan does not exist.
 * `exceptDecree`: a decree's own reference, whose earlier claim (a retry after a crash) it does not
 * count against itself.
 */
export async function refundableCredit(services: AppServices, loanId: string, exceptDecree?: string): Promise<RefundableCredit | null> {
  const loaded = await loadAggregate(services.eventStore, loanStream(loanId), processLoanDecider, { snapshot: LOAN_SNAPSHOT });
  const loan = loaded.state;
  if (loan.status === 'none' || loan.customerId === null || loaded.revision === null) return null;
  const desk = await payoutDesk(services.eventStore, loanId);
  let reserved = new Dec(0);
  for (const id of desk.payoutIds) {
    const payout = await loadPayout(services.eventStore, id);
    // Reserved on the desk but its payout not created yet (another request is between the two
    // appends): its amount is promised all the same, or two officers could both take the credit.
    if (payout === null) reserved = reserved.plus(desk.reserved[id] ?? '0');
    // Waiting for approval or sent and not yet settled: promised either way.
    else if (payout.state.status === 'pending' || payout.state.status === 'awaiting_approval') reserved = reserved.plus(payout.state.amount ?? '0');
    // Paid and confirmed, its refund not on the loan yet (a crash between the two appends): the money left.
    else if (payout.state.status === 'confirmed' && payout.state.confirmation !== null && loan.refunds[payout.state.confirmation.channelReference] === undefined) {
      reserved = reserved.plus(payout.state.amount ?? '0');
    }
  }
  // A decree between its desk entry and its loan append: the loan has not moved since and lacks its refund.
  for (const decree of desk.decrees) {
    if (decree.reference !== exceptDecree && decree.loanRevision === loaded.revision.toString() && loan.refunds[decree.reference] === undefined) {
      reserved = reserved.plus(decree.amount);
    }
  }
  const figure = new Dec(loanFigures(loan, businessToday(services)).creditBalance);
  const credit = figure.gt(0) ? figure : new Dec(0);
  const free = credit.minus(reserved);
  return { loan, loanRevision: loaded.revision, credit, reserved, free: free.gt(0) ? free : new Dec(0), seen: desk.entries };
}
